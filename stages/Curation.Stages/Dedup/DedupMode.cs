namespace Curation.Stages.Dedup;

/// <summary>Which signature a dedup step kind computes.</summary>
public enum DedupMode
{
    /// <summary>MinHash-LSH near-duplicates (<c>dedup.minhash</c>).</summary>
    MinHash,

    /// <summary>Exact duplicates of normalised text (<c>dedup.exact</c>).</summary>
    Exact,

    /// <summary>Exact duplicates of the normalised URL in metadata (<c>dedup.url</c>).</summary>
    Url,
}
