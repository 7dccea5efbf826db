namespace Curation.Pipeline.Execution;

/// <summary>The outcome of running (part of) a plan.</summary>
public sealed record RunResult(IReadOnlyList<(string Step, int Rank, string Error)> Failures, int TasksRun, int TasksSkipped)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>
/// Runs a plan on this machine: steps in order, the incomplete tasks of each step in parallel across
/// <c>workers</c>. Each task's output depends only on its inputs and seed, so the worker count never changes the
/// bytes produced. A failed task does not stop its siblings, but the steps after it are not started.
/// </summary>
public sealed class LocalExecutor(int workers, IRunObserver? observer = null)
{
    private readonly IRunObserver _observer = observer ?? NullRunObserver.Instance;

    public async Task<RunResult> RunAsync(RunPlan plan, RunDirectory dir, int session, CancellationToken ct, IReadOnlySet<string>? onlySteps = null)
    {
        var failures = new List<(string, int, string)>();
        int ran = 0, skipped = 0;
        foreach (var step in plan.Steps)
        {
            if (onlySteps is not null && !onlySteps.Contains(step.Id)) continue;
            var tasks = plan.Plans[step.Id].Tasks;
            var todo = Enumerable.Range(0, tasks).Where(r => !dir.IsComplete(step.Id, r)).ToList();
            skipped += tasks - todo.Count;
            _observer.StepStarted(step.Id, tasks, tasks - todo.Count);
            var stepFailures = new List<(string, int, string)>();
            await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (rank, token) =>
            {
                try
                {
                    // Yield first so the body never runs synchronously on the loop's thread.
                    await Task.Yield();
                    await TaskRunner.RunAsync(plan, dir, step, rank, session, _observer, token);
                    _observer.TaskFinished(step.Id, rank, true, null);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    lock (stepFailures) stepFailures.Add((step.Id, rank, e.Message));
                    _observer.TaskFinished(step.Id, rank, false, e.Message);
                }
                Interlocked.Increment(ref ran);
            });
            _observer.StepFinished(step.Id);
            if (stepFailures.Count > 0)
            {
                failures.AddRange(stepFailures.OrderBy(f => f.Item2));
                break;
            }
            // Killed attempts leave empty rank folders under .tmp; a complete step needs none of them.
            var tmp = Path.Combine(dir.Root, ".tmp", step.Id);
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        }
        var tmpRoot = Path.Combine(dir.Root, ".tmp");
        if (Directory.Exists(tmpRoot) && !Directory.EnumerateFileSystemEntries(tmpRoot).Any()) Directory.Delete(tmpRoot);
        return new RunResult(failures, ran, skipped);
    }
}
