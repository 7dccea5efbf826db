using Curation.Dedup.Steps;

namespace Curation.Dedup;

/// <summary>What a local run did, with the wall time of each step.</summary>
public sealed record LocalDedupResult(IReadOnlyList<SignatureTaskResult> Signatures, IReadOnlyList<BucketResult> Buckets,
    ClusterResult Cluster, TimeSpan SignatureTime, TimeSpan BucketTime, TimeSpan ClusterTime);
