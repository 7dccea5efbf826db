namespace Curation.Formats;

/// <summary>
/// A file is damaged or is not what its name says (bad magic, truncated stream, a length pointing past
/// the end). It always names the file and the byte offset where the damage was detected, so a user can
/// find it; the task that reads the file fails rather than skipping data silently.
/// </summary>
public sealed class CorruptDataException : IOException
{
    public CorruptDataException(string path, long offset, string reason, Exception? inner = null)
        : base($"{path}: corrupt data at byte offset {offset}: {reason}", inner)
    {
        FilePath = path;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The file that is damaged.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset in the file (in the compressed stream for compressed files) where the damage was found.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Reason { get; }
}
