namespace Curation.ProxyLm.Data;

/// <summary>A read-only stream of token ids (documents concatenated in order), typically a memory-mapped shard.</summary>
public interface ITokenSource : IDisposable
{
    /// <summary>The file or prefix it was opened from.</summary>
    string Path { get; }

    /// <summary>Total tokens.</summary>
    long TokenCount { get; }

    /// <summary>Number of documents.</summary>
    long DocumentCount { get; }

    /// <summary>Copies tokens [start, start + destination.Length) into <paramref name="destination"/>.</summary>
    void Read(long start, Span<int> destination);
}
