using Curation.Dedup.Steps;

namespace Curation.Dedup;

/// <summary>Options of <see cref="LocalDedupRunner"/>: the scheme, each step's options, parallelism and the optional persistent index.</summary>
public sealed record LocalDedupOptions(ISignatureScheme Scheme)
{
    /// <summary>Step 1 options.</summary>
    public SignatureStepOptions Signature { get; init; } = new();

    /// <summary>Step 2 options.</summary>
    public BucketStepOptions Bucket { get; init; } = new();

    /// <summary>Step 3 options.</summary>
    public ClusterStepOptions Cluster { get; init; } = new();

    /// <summary>Tasks run at once in steps 1 and 2.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Directory of a persistent index to match against (created when missing), or null.</summary>
    public string? IndexDirectory { get; init; }

    /// <summary>When an index is given, append this run to it under this name after clustering; null leaves the index unchanged.</summary>
    public string? AppendRunName { get; init; }
}
