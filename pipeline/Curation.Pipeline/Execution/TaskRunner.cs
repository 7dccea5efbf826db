using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Execution;

/// <summary>
/// Runs one rank of one step and commits it: clears what an earlier attempt left, counts the attempt, runs the
/// step, then moves outputs into place and writes the completion record last. Shared by every executor.
/// </summary>
public static class TaskRunner
{
    public static async Task<CompletionRecord> RunAsync(RunPlan plan, RunDirectory dir, IStep step, int rank, int session,
        IRunObserver observer, CancellationToken ct)
    {
        var stepPlan = plan.Plans[step.Id];
        ClearPreviousAttempt(dir, step.Id, rank);
        var attempt = dir.ReadAttempts(step.Id, rank) + 1;
        JsonFiles.WriteAllTextAtomic(dir.AttemptsFile(step.Id, rank), attempt.ToString(CultureInfo.InvariantCulture));

        Directory.CreateDirectory(Path.GetDirectoryName(dir.LogFile(step.Id, rank))!);
        await using var log = new StreamWriter(dir.LogFile(step.Id, rank), append: true) { AutoFlush = true };
        log.WriteLine($"{DateTimeOffset.UtcNow:o} attempt {attempt} session {session} step {step.Id} rank {rank}/{stepPlan.Tasks}");

        var upstream = new Dictionary<string, IReadOnlyList<CompletionRecord>>(StringComparer.Ordinal);
        foreach (var d in step.DependsOn)
        {
            var recs = RunPreparation.Completions(dir, d, plan.Plans[d].Tasks);
            var missing = recs.Select((r, i) => (r, i)).Where(x => x.r is null).Select(x => x.i).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException($"step {step.Id} needs step {d} complete; incomplete ranks: {string.Join(", ", missing.Take(20))}");
            upstream[d] = recs!;
        }

        var outputs = new TaskOutputs(dir, step.Id, rank);
        var stats = new TaskStats { Step = step.Id, Rank = rank };
        var rt = new TaskRuntime
        {
            Info = new TaskInfo(step.Id, rank, stepPlan.Tasks, plan.Config.Config.Run.Seed, dir.Root),
            Run = dir,
            Outputs = outputs,
            Stats = stats,
            Log = log,
            ErrorBudget = plan.Config.Config.Run.ErrorBudget,
            InputFiles = stepPlan.Inputs is { } inputs && rank < inputs.Count ? inputs[rank] : [],
            Upstream = upstream,
            ReportProgress = n => observer.TaskProgress(step.Id, rank, n),
        };
        var sw = Stopwatch.StartNew();
        try
        {
            await step.RunAsync(rt, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outputs.CommitKind(Execution.OutputKinds.Quarantine);
            log.WriteLine($"{DateTimeOffset.UtcNow:o} FAILED: {e}");
            JsonFiles.WriteAtomic(dir.FailureFile(step.Id, rank), new { step = step.Id, rank, attempt, session, error = e.Message, type = e.GetType().Name, log = dir.Relative(dir.LogFile(step.Id, rank)) });
            TryDelete(outputs.TempDir);
            throw;
        }
        stats.Seconds = sw.Elapsed.TotalSeconds;
        JsonFiles.WriteAllTextAtomic(dir.StatsFile(step.Id, rank), JsonSerializer.Serialize(stats, TaskStats.Json));
        var committed = outputs.Commit();
        TryDelete(outputs.TempDir);
        var record = new CompletionRecord
        {
            Step = step.Id,
            Rank = rank,
            Attempt = attempt,
            Session = session,
            ElapsedSeconds = Math.Round(sw.Elapsed.TotalSeconds, 3),
            Outputs = committed,
        };
        JsonFiles.WriteAtomic(dir.Completion(step.Id, rank), record);
        log.WriteLine($"{DateTimeOffset.UtcNow:o} done in {sw.Elapsed.TotalSeconds:F2}s, {committed.Count} outputs");
        return record;
    }

    /// <summary>Removes every file an unfinished attempt of this rank may have left (names start with the rank).</summary>
    public static void ClearPreviousAttempt(RunDirectory dir, string step, int rank)
    {
        TryDelete(dir.TempDir(step, rank));
        var prefix = RunDirectory.RankName(rank);
        foreach (var folder in new[] { dir.StepDir(step), dir.KindDir(step, OutputKinds.Rejects), dir.KindDir(step, OutputKinds.Quarantine) })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var f in Directory.EnumerateFiles(folder, prefix + "*"))
            {
                var name = Path.GetFileName(f);
                if (name.Length > prefix.Length && name[prefix.Length] is '.' or '-') File.Delete(f);
            }
        }
        if (File.Exists(dir.FailureFile(step, rank))) File.Delete(dir.FailureFile(step, rank));
    }

    private static void TryDelete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}
