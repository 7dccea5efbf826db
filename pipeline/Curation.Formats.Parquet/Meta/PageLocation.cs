namespace Curation.Formats.Parquet.Meta;

/// <summary>An OffsetIndex entry: where a data page starts, its size with header, and its first row within the row group.</summary>
public sealed record PageLocation(long Offset, int CompressedPageSize, long FirstRowIndex);
