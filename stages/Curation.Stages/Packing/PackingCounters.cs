namespace Curation.Stages.Packing;

/// <summary>What packing did to the selected tokens: kept per domain, padding added, tail dropped, documents cut.</summary>
public sealed class PackingCounters
{
    /// <summary>Tokens written per domain (padding and dropped tail excluded).</summary>
    public SortedDictionary<string, long> ContentTokensByDomain { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents packed per domain (repeats counted).</summary>
    public SortedDictionary<string, long> DocumentsByDomain { get; } = new(StringComparer.Ordinal);

    /// <summary>Records produced.</summary>
    public long Sequences { get; set; }

    /// <summary>Padding tokens added by best-fit bins.</summary>
    public long PaddingTokens { get; set; }

    /// <summary>Tokens of the last, incomplete sequence that concat packing drops (as Megatron and DCLM do).</summary>
    public long DroppedTokens { get; set; }

    /// <summary>Documents split over more than one sequence.</summary>
    public long SplitDocuments { get; set; }

    internal void AddContent(string domain, long tokens) => ContentTokensByDomain[domain] = ContentTokensByDomain.GetValueOrDefault(domain) + tokens;

    internal void AddDocument(string domain) => DocumentsByDomain[domain] = DocumentsByDomain.GetValueOrDefault(domain) + 1;
}
