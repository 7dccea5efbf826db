namespace Curation.Pipeline.IO;

/// <summary>A file a writer finished: where it is, how many records and bytes, and its SHA-256 (hex).</summary>
public sealed record WrittenFile(string Path, long Records, long Bytes, string Sha256);
