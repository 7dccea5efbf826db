namespace Curation.Dedup.Steps;

/// <summary>Counts from the cluster step: documents in the run, pairs read, clusters with ≥ 2 members, documents removed.</summary>
public sealed record ClusterResult(long Documents, long Pairs, int Clusters, int Removed);
