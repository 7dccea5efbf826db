using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Writing;

/// <summary>How a <see cref="ParquetFileWriter"/> lays out and compresses the file.</summary>
public sealed record ParquetWriterOptions
{
    /// <summary>Page codec: ZSTD (default), SNAPPY, GZIP or UNCOMPRESSED.</summary>
    public CompressionCodec Compression { get; init; } = CompressionCodec.Zstd;

    /// <summary>Codec level (zstd 1-22, default 3 as DuckDB and zstd use; gzip 1-9).</summary>
    public int CompressionLevel { get; init; } = Formats.Compression.Zstd.DefaultLevel;

    /// <summary>A row group is closed once its buffered (uncompressed) values reach this size. Bounds the writer's memory.</summary>
    public long RowGroupBytes { get; init; } = 64L << 20;

    /// <summary>A row group is also closed after this many rows.</summary>
    public int RowGroupMaxRows { get; init; } = 1 << 20;

    /// <summary>Target uncompressed size of a data page.</summary>
    public int PageBytes { get; init; } = 1 << 20;

    /// <summary>Dictionary-encode byte-array columns when the dictionary is smaller than plain encoding.</summary>
    public bool Dictionary { get; init; } = true;

    /// <summary>A column's dictionary is abandoned for a row group once it exceeds this many bytes.</summary>
    public int DictionaryMaxBytes { get; init; } = 1 << 20;

    /// <summary>Write the column and offset indexes (page-level min/max and locations) before the footer.</summary>
    public bool WritePageIndex { get; init; }

    /// <summary>Byte-array statistics longer than this are truncated (min) or rounded up (max), as parquet-mr does.</summary>
    public int StatisticsMaxBytes { get; init; } = 64;

    /// <summary>The footer's created_by string.</summary>
    public string CreatedBy { get; init; } = "Curation.Formats.Parquet version 1.0";

    /// <summary>Key/value metadata stored in the footer.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> KeyValueMetadata { get; init; } = [];

    internal void Validate()
    {
        if (Compression is not (CompressionCodec.Zstd or CompressionCodec.Snappy or CompressionCodec.Gzip or CompressionCodec.Uncompressed))
            throw new ArgumentException($"Curation writes Parquet with ZSTD, SNAPPY, GZIP or UNCOMPRESSED, not {Compression}");
        if (RowGroupBytes < 1024) throw new ArgumentOutOfRangeException(nameof(RowGroupBytes), "row groups must be at least 1 KiB");
        if (PageBytes < 1024) throw new ArgumentOutOfRangeException(nameof(PageBytes), "pages must be at least 1 KiB");
        if (RowGroupMaxRows < 1) throw new ArgumentOutOfRangeException(nameof(RowGroupMaxRows));
    }
}
