namespace Curation.Formats.Compression;

/// <summary>Whole-file compression of a stream-oriented format (JSONL, text), chosen by file extension.</summary>
public enum CompressionKind
{
    None,
    Gzip,
    Zstd,
}
