using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Writing;

/// <summary>A column chunk as written: its footer metadata and one page-index entry per data page.</summary>
internal sealed record WrittenChunk(ColumnChunkMeta Meta, IReadOnlyList<PageIndexEntry> Pages);

/// <summary>A data page's location, first row and statistics, for the optional page index.</summary>
internal sealed record PageIndexEntry(long Offset, int CompressedSize, long FirstRow, long NullCount, bool AllNull, byte[]? Min, byte[]? Max);
