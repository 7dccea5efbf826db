using Curation.Dedup;
using Curation.Dedup.Exact;
using Curation.Dedup.MinHash;
using Curation.Pipeline.Config;

namespace Curation.Stages.Dedup;

/// <summary>The <c>options:</c> of the dedup step kinds (<c>dedup.minhash</c>, <c>dedup.exact</c>, <c>dedup.url</c>).</summary>
public sealed class DedupOptions : IConfigValidatable
{
    /// <summary>Word n-gram size of the MinHash shingles (datatrove: 5).</summary>
    public int Ngram { get; set; } = 5;

    /// <summary>LSH bands; with <see cref="Rows"/> overrides <see cref="Threshold"/>.</summary>
    public int? Bands { get; set; }

    /// <summary>Rows per band.</summary>
    public int? Rows { get; set; }

    /// <summary>Target Jaccard similarity; bands × rows are derived from it (112 hashes) when bands/rows are not given.</summary>
    public double? Threshold { get; set; }

    /// <summary>Seed of the MinHash permutations.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Signature-estimated Jaccard a candidate pair must reach to join a cluster; unset = every LSH collision counts.</summary>
    public double? VerifyThreshold { get; set; }

    /// <summary>Numeric metadata key: the highest value is kept in a cluster (then the smallest id).</summary>
    public string? PriorityKey { get; set; }

    /// <summary>Memory per signature task for sorting band records before spilling (e.g. 256MB).</summary>
    public long MemoryBudget { get; set; } = 256L << 20;

    /// <summary>Hash shards per band in the bucket step (tasks = bands × shards).</summary>
    public int BucketShards { get; set; } = 1;

    /// <summary>A persistent index outside the run directory (e.g. runs/nightly/dedup-index): new documents are checked against every run appended before.</summary>
    public string? IndexDir { get; set; }

    /// <summary>Whether this run's documents are appended to <see cref="IndexDir"/> (by the clusters step, once).</summary>
    public bool AppendToIndex { get; set; } = true;

    /// <summary>Text normalisation of <c>dedup.exact</c>.</summary>
    public TextNormalization Normalization { get; set; } = TextNormalization.Whitespace;

    /// <summary>Metadata key holding the URL for <c>dedup.url</c>.</summary>
    public string UrlKey { get; set; } = "url";

    /// <summary>Checks ranges.</summary>
    public void Validate(string path, ConfigErrors errors)
    {
        if (Ngram < 1) errors.Add($"{path}.ngram", "must be at least 1");
        if (Bands is not null != Rows is not null) errors.Add($"{path}.bands", "give both bands and rows, or neither (then threshold decides)");
        if (Bands is < 1 || Rows is < 1) errors.Add($"{path}.bands", "bands and rows must be at least 1");
        if (Threshold is <= 0 or > 1) errors.Add($"{path}.threshold", "must be in (0, 1]");
        if (VerifyThreshold is <= 0 or > 1) errors.Add($"{path}.verify_threshold", "must be in (0, 1]");
        if (MemoryBudget < 64 << 10) errors.Add($"{path}.memory_budget", "must be at least 64KB");
        if (BucketShards is < 1 or > 256) errors.Add($"{path}.bucket_shards", "must be between 1 and 256");
    }

    /// <summary>The MinHash parameters these options describe.</summary>
    public MinHashOptions MinHash() =>
        Bands is { } b && Rows is { } r ? new MinHashOptions { NGram = Ngram, Bands = b, Rows = r, Seed = Seed }
        : Threshold is { } j ? MinHashOptions.ForThreshold(j, nGram: Ngram, seed: Seed)
        : new MinHashOptions { NGram = Ngram, Seed = Seed };

    /// <summary>The signature scheme of a step kind.</summary>
    public ISignatureScheme Scheme(DedupMode mode) => mode switch
    {
        DedupMode.MinHash => new MinHasher(MinHash()),
        DedupMode.Exact => new ExactTextScheme(Normalization),
        _ => new UrlScheme(),
    };
}
