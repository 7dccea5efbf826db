namespace Curation.Dedup.Steps;

/// <summary>Options of <see cref="ClusterStep"/>.</summary>
public sealed record ClusterStepOptions
{
    /// <summary>
    /// When set, each member must reach this estimated similarity (fraction of equal signature values, an
    /// unbiased Jaccard estimate for MinHash) with its cluster's representative; members that fail form
    /// further clusters among themselves. Needs signatures from step 1. Null: no verification.
    /// </summary>
    public double? VerifyThreshold { get; init; }

    /// <summary>
    /// Verification rounds per component (each picks a new representative among the members that failed the
    /// previous one). Members still unverified afterwards stay unique. Bounds the cost of huge chained
    /// components at rounds × size instead of size².
    /// </summary>
    public int MaxVerificationRounds { get; init; } = 16;
}
