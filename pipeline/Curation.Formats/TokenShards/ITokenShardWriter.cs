namespace Curation.Formats.TokenShards;

/// <summary>Writes tokenized documents (or packed sequences) into one trainer format; Complete() finishes every file.</summary>
public interface ITokenShardWriter : IDisposable
{
    /// <summary>Appends one document (or packed sequence) of token ids; <paramref name="lossMask"/> is optional.</summary>
    void Add(ReadOnlySpan<int> tokens, ReadOnlySpan<bool> lossMask = default, string? id = null, string? domain = null);

    /// <summary>Finishes the files and returns their paths.</summary>
    IReadOnlyList<string> Complete();

    long Documents { get; }

    long Tokens { get; }
}
