namespace Curation.FastText;

/// <summary>A fastText model file is damaged or not a fastText model; the message names the file and byte offset.</summary>
public sealed class FastTextFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> at byte <paramref name="offset"/>.</summary>
    public FastTextFormatException(string path, long offset, string problem)
        : base($"{path}: invalid fastText model at byte {offset}: {problem}")
    {
        Path = path;
        Offset = offset;
    }

    /// <summary>The model file that could not be read.</summary>
    public string Path { get; }

    /// <summary>The byte offset where the problem was detected.</summary>
    public long Offset { get; }
}
