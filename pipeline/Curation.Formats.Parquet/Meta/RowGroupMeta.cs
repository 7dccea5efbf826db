namespace Curation.Formats.Parquet.Meta;

/// <summary>A row group's metadata: its rows and one column chunk per leaf column.</summary>
public sealed record RowGroupMeta(IReadOnlyList<ColumnChunkMeta> Columns, long NumRows, long TotalByteSize)
{
    public long? TotalCompressedSize { get; init; }
}
