namespace Curation.Formats.Parquet.Meta;

/// <summary>The decoded Parquet footer.</summary>
public sealed record FileMetaData(int Version, IReadOnlyList<SchemaElement> Schema, long NumRows, IReadOnlyList<RowGroupMeta> RowGroups)
{
    public IReadOnlyList<KeyValuePair<string, string?>> KeyValueMetadata { get; init; } = [];
    public string? CreatedBy { get; init; }
}
