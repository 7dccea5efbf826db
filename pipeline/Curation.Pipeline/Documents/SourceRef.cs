namespace Curation.Pipeline.Documents;

/// <summary>
/// Where a document came from: the input file and the 1-based line (JSONL, paragraphs) or 0-based row (Parquet),
/// with the byte offset in the decompressed stream when known. Used in error messages, rejects and lineage.
/// </summary>
public readonly record struct SourceRef(string Path, long Ordinal, long ByteOffset = -1)
{
    public static SourceRef None => new(string.Empty, -1);

    public override string ToString() => ByteOffset >= 0 ? $"{Path}:{Ordinal} (byte {ByteOffset})" : $"{Path}:{Ordinal}";
}
