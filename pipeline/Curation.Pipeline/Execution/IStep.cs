using Curation.Pipeline.Config;

namespace Curation.Pipeline.Execution;

/// <summary>
/// A step of a run: planned into a fixed number of tasks (ranks), each run independently by an executor (local
/// workers or a Slurm array element) and committed atomically. Multi-phase algorithms (MinHash dedup, mixture
/// search) are several steps linked by <see cref="DependsOn"/>, each with its own task count.
/// </summary>
public interface IStep
{
    string Id { get; }

    /// <summary>A name for the kind of step (<c>pipeline</c>, <c>dedup.minhash.buckets</c>...), recorded in the manifest.</summary>
    string Kind { get; }

    /// <summary>Steps whose completion this step needs; they appear earlier in the run.</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>Decides the task count (and, for steps that read files, each rank's files). Problems go to <paramref name="errors"/>.</summary>
    StepPlan Plan(PlanContext context, ConfigErrors errors);

    /// <summary>Runs one rank. Outputs go through <see cref="TaskRuntime.Outputs"/> and are committed by the executor.</summary>
    Task RunAsync(TaskRuntime runtime, CancellationToken cancellationToken);
}

/// <summary>The planned shape of a step.</summary>
public sealed record StepPlan(int Tasks, List<List<InputFileRef>>? Inputs = null);

/// <summary>What planning can see: the plans of earlier steps.</summary>
public sealed class PlanContext(IReadOnlyDictionary<string, StepPlan> earlier)
{
    public IReadOnlyDictionary<string, StepPlan> Earlier { get; } = earlier;
}
