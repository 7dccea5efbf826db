namespace Curation.Dedup.Steps;

/// <summary>Options of <see cref="BucketStep"/>.</summary>
public sealed record BucketStepOptions
{
    /// <summary>Hash-range shards per band (datatrove's "× k"): band b, shard s handles hashes in the s-th of this many equal ranges.</summary>
    public int Shards { get; init; } = 1;
}
