namespace Curation.Formats.Parquet.Meta;

/// <summary>A column chunk's metadata: where its pages are, how they are compressed and encoded.</summary>
public sealed record ColumnChunkMeta
{
    public PhysicalType Type { get; init; }
    public IReadOnlyList<ParquetEncoding> Encodings { get; init; } = [];
    public IReadOnlyList<string> PathInSchema { get; init; } = [];
    public CompressionCodec Codec { get; init; }
    public long NumValues { get; init; }
    public long TotalUncompressedSize { get; init; }
    public long TotalCompressedSize { get; init; }
    public long DataPageOffset { get; init; }
    public long? DictionaryPageOffset { get; init; }
    public ColumnStatistics? Statistics { get; init; }
    public long? OffsetIndexOffset { get; init; }
    public int? OffsetIndexLength { get; init; }
    public long? ColumnIndexOffset { get; init; }
    public int? ColumnIndexLength { get; init; }

    /// <summary>First byte of the chunk: the dictionary page when there is one.</summary>
    public long StartOffset => DictionaryPageOffset is { } d && d > 0 && d < DataPageOffset ? d : DataPageOffset;
}
