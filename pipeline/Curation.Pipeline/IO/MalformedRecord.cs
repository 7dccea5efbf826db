namespace Curation.Pipeline.IO;

/// <summary>A record that could not be read, kept whole (raw bytes) with where it was and why.</summary>
public sealed record MalformedRecord(string Path, long Line, long ByteOffset, string Kind, string Message, byte[] Raw);
