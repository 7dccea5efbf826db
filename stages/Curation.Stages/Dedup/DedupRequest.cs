namespace Curation.Stages.Dedup;

/// <summary>What <c>curate dedup</c> was asked to do.</summary>
public sealed record DedupRequest
{
    /// <summary>Input globs or files.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Output folder: kept documents, <c>clusters.jsonl</c>, and the run directory under <c>run/</c>.</summary>
    public required string Output { get; init; }

    /// <summary>Step kind: dedup.minhash, dedup.exact or dedup.url.</summary>
    public string Kind { get; init; } = "dedup.minhash";

    /// <summary>Target Jaccard similarity (when bands/rows are not given).</summary>
    public double? Threshold { get; init; }

    /// <summary>LSH bands.</summary>
    public int? Bands { get; init; }

    /// <summary>Rows per band.</summary>
    public int? Rows { get; init; }

    /// <summary>Word n-gram size.</summary>
    public int Ngram { get; init; } = 5;

    /// <summary>Signature-estimated Jaccard check of candidate pairs; null = off.</summary>
    public double? VerifyThreshold { get; init; }

    /// <summary>Numeric metadata key preferred when choosing the kept document.</summary>
    public string? PriorityKey { get; init; }

    /// <summary>Persistent index folder.</summary>
    public string? Index { get; init; }

    /// <summary>Tasks at once.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Output format of the kept documents.</summary>
    public string Format { get; init; } = "jsonl.gz";

    /// <summary>Input files per signature task.</summary>
    public int FilesPerTask { get; init; } = 1;
}
