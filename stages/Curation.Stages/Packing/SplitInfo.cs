namespace Curation.Stages.Packing;

/// <summary>One split's files and counts.</summary>
public sealed record SplitInfo
{
    public List<string> Files { get; init; } = [];
    public long Records { get; init; }
    public long Tokens { get; init; }
    public long Documents { get; init; }
    public long PaddingTokens { get; init; }
    public long DroppedTokens { get; init; }
    public long SplitDocuments { get; init; }
    public SortedDictionary<string, DomainCounts> Domains { get; init; } = new(StringComparer.Ordinal);
}
