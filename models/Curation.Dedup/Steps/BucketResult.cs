namespace Curation.Dedup.Steps;

/// <summary>Counts from one bucket task: pairs written, buckets with at least one pair, pairs anchored on an indexed document.</summary>
public sealed record BucketResult(long Pairs, long Buckets, long IndexMatches);
