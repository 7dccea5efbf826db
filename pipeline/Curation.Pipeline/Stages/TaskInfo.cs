namespace Curation.Pipeline.Stages;

/// <summary>Identity of the running task: which step, which rank of how many, the run's seed and directory.</summary>
public sealed record TaskInfo(string StepId, int Rank, int WorldSize, ulong RunSeed, string RunDirectory)
{
    /// <summary>
    /// A seed for one purpose within this task, independent of worker count and scheduling:
    /// a hash of (run seed, step, rank, purpose).
    /// </summary>
    public ulong SeedFor(string purpose) => StableHash.Of(RunSeed, StepId, Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), purpose);

    /// <summary>A seed that is the same in every task of the step (for decisions that must agree across ranks).</summary>
    public ulong StepSeedFor(string purpose) => StableHash.Of(RunSeed, StepId, "*", purpose);
}
