using System.Globalization;
using System.Text;
using Curation.Pipeline.Config;

namespace Curation.Pipeline.Execution.Slurm;

/// <summary>
/// Runs a plan on Slurm: one <c>sbatch --array</c> per step (split at the cluster's MaxArraySize, throttled with
/// <c>%N</c>), <c>afterok</c> dependencies between steps, a per-task log, and only incomplete ranks submitted, so a
/// rerun resubmits exactly what is missing. Each array element runs <c>curate task RUN_DIR STEP RANK</c>, the same
/// <see cref="TaskRunner"/> as the local executor, so outputs are byte-identical. While waiting it watches the queue
/// and the completion records: a rank that left the queue without completing has failed, and then every job of the
/// later steps is cancelled instead of pending forever on a dependency that can never be satisfied.
/// </summary>
public sealed class SlurmExecutor(SlurmOptions options, SlurmCli? cli = null, TextWriter? log = null)
{
    private readonly SlurmCli _cli = cli ?? new SlurmCli();
    private readonly TextWriter _log = log ?? TextWriter.Null;

    /// <summary>The command that runs curate (dotnet + curate.dll, or the apphost), quoted into job scripts.</summary>
    public required IReadOnlyList<string> CurateCommand { get; init; }

    public List<SlurmJob> Submit(RunPlan plan, RunDirectory dir, int session)
    {
        var maxArray = options.MaxArraySize > 0 ? options.MaxArraySize : _cli.MaxArraySize();
        var jobs = new List<SlurmJob>();
        var jobsOfStep = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        // Ranks of earlier submissions that are still queued or running are in flight: wait for them, never submit twice.
        var earlier = SlurmJobs.Read(dir);
        var inFlight = new List<SlurmJob>();
        foreach (var (jobId, taskId, _, _) in earlier.Count == 0 ? [] : _cli.Queue(earlier.Select(j => j.JobId).Distinct()))
        {
            var job = earlier.FirstOrDefault(j => j.JobId == jobId);
            if (job is null) continue;
            var rank = job.RankOffset + Math.Max(taskId, 0);
            if (!dir.IsComplete(job.Step, rank)) inFlight.Add(job with { Ranks = [rank] });
        }
        Directory.CreateDirectory(Path.Combine(dir.Root, "slurm"));
        foreach (var step in plan.Steps)
        {
            var tasks = plan.Plans[step.Id].Tasks;
            var flying = inFlight.Where(j => j.Step == step.Id).ToList();
            jobs.AddRange(flying);
            if (flying.Count > 0)
            {
                jobsOfStep[step.Id] = flying.Select(j => j.JobId).Distinct().ToList();
                _log.WriteLine($"{step.Id}: ranks {SlurmJobs.ArraySpec(flying.SelectMany(f => f.Ranks).Order().ToList())} are still queued from an earlier submission");
            }
            var todo = Enumerable.Range(0, tasks).Where(r => !dir.IsComplete(step.Id, r) && !flying.Any(f => f.Ranks.Contains(r))).ToList();
            if (todo.Count == 0) continue;
            var deps = step.DependsOn.Where(jobsOfStep.ContainsKey).SelectMany(d => jobsOfStep[d]).Distinct().ToList();
            var script = WriteScript(dir, step.Id, session);
            Directory.CreateDirectory(Path.Combine(dir.Root, "logs", step.Id));
            var ids = new List<string>();
            foreach (var chunk in todo.GroupBy(r => r / maxArray))
            {
                var offset = chunk.Key * maxArray;
                var indices = chunk.Select(r => r - offset).ToList();
                var logPattern = Path.Combine(dir.Root, "logs", step.Id, $"slurm-%A_%a.out");
                var args = new List<string>
                {
                    "--job-name=curate-" + plan.Config.Config.Run.Name + "-" + step.Id,
                    "--array=" + SlurmJobs.ArraySpec(indices) + (options.MaxConcurrent > 0 ? "%" + options.MaxConcurrent.ToString(CultureInfo.InvariantCulture) : ""),
                    "--output=" + logPattern,
                    "--chdir=" + Environment.CurrentDirectory,
                    "--cpus-per-task=" + options.CpusPerTask.ToString(CultureInfo.InvariantCulture),
                    "--export=ALL,CURATION_RANK_OFFSET=" + offset.ToString(CultureInfo.InvariantCulture),
                    "--kill-on-invalid-dep=yes",
                };
                if (options.Partition is { } p) args.Add("--partition=" + p);
                if (options.Time is { } t) args.Add("--time=" + t);
                if (options.Mem is { } m) args.Add("--mem=" + m);
                if (options.Account is { } a) args.Add("--account=" + a);
                if (options.Qos is { } q) args.Add("--qos=" + q);
                if (deps.Count > 0) args.Add("--dependency=afterok:" + string.Join(':', deps));
                args.AddRange(options.ExtraArgs);
                var id = _cli.Submit(args, script);
                _log.WriteLine($"submitted {step.Id} ranks {SlurmJobs.ArraySpec(chunk.ToList())} as job {id}");
                ids.Add(id);
                jobs.Add(new SlurmJob(step.Id, id, offset, chunk.ToList(), session, logPattern));
            }
            jobsOfStep[step.Id] = [.. jobsOfStep.GetValueOrDefault(step.Id) ?? [], .. ids];
        }
        SlurmJobs.Append(dir, jobs.Where(j => j.Session == session));
        return jobs;
    }

    private string WriteScript(RunDirectory dir, string step, int session)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n# written by curate: runs one rank of step ").Append(step).Append(" (rank = offset + array index)\nset -euo pipefail\n");
        foreach (var line in options.Setup) sb.Append(line).Append('\n');
        sb.Append("rank=$(( ${CURATION_RANK_OFFSET:-0} + SLURM_ARRAY_TASK_ID ))\n");
        sb.Append("exec ").Append(string.Join(' ', CurateCommand.Select(ShellQuote.Quote)))
          .Append(" task ").Append(ShellQuote.Quote(dir.Root)).Append(' ').Append(ShellQuote.Quote(step))
          .Append(" \"$rank\" --session ").Append(session.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var path = Path.Combine(dir.Root, "slurm", step + ".sbatch");
        File.WriteAllText(path, sb.ToString());
        // Slurm runs on Unix only; the guard is what tells the platform analyzer so.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    /// <summary>
    /// Waits until every submitted rank is complete, or one failed. On failure, cancels the jobs of later steps and
    /// returns the failed ranks with their logs.
    /// </summary>
    public async Task<RunResult> WaitAsync(RunPlan plan, RunDirectory dir, IReadOnlyList<SlurmJob> jobs, IRunObserver observer, CancellationToken ct)
    {
        var stepOrder = plan.Steps.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var pending = jobs.SelectMany(j => j.Ranks.Select(r => (j.Step, Rank: r, Job: j))).ToList();
        foreach (var g in pending.GroupBy(p => p.Step)) observer.StepStarted(g.Key, plan.Plans[g.Key].Tasks, plan.Plans[g.Key].Tasks - g.Count());
        var failures = new List<(string Step, int Rank, string Error)>();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var queue = _cli.Queue(jobs.Select(j => j.JobId).Distinct());
            var inQueue = new HashSet<(string, int)>();
            var neverSatisfied = new List<string>();
            foreach (var (jobId, taskId, state, reason) in queue)
            {
                var job = jobs.FirstOrDefault(j => j.JobId == jobId);
                if (job is null) continue;
                inQueue.Add((job.Step, job.RankOffset + Math.Max(taskId, 0)));
                if (reason.Contains("DependencyNeverSatisfied", StringComparison.Ordinal)) neverSatisfied.Add(jobId);
            }
            foreach (var p in pending.ToList())
            {
                if (dir.IsComplete(p.Step, p.Rank))
                {
                    pending.Remove(p);
                    observer.TaskFinished(p.Step, p.Rank, true, null);
                    continue;
                }
                if (inQueue.Contains((p.Step, p.Rank))) continue;
                // Left the queue without a completion record: failed, cancelled (scancel), out of memory or timed out.
                // Re-check the record once: the task may have committed between the two looks.
                if (dir.IsComplete(p.Step, p.Rank)) continue;
                pending.Remove(p);
                var log = p.Job.Log.Replace("%A", p.Job.JobId).Replace("%a", (p.Rank - p.Job.RankOffset).ToString(CultureInfo.InvariantCulture));
                failures.Add((p.Step, p.Rank, $"job {p.Job.JobId}_{p.Rank - p.Job.RankOffset} ended without completing; slurm log {log}; task log {dir.LogFile(p.Step, p.Rank)}"));
                observer.TaskFinished(p.Step, p.Rank, false, "ended without completing");
            }
            if (failures.Count > 0 || neverSatisfied.Count > 0)
            {
                var firstFailedStep = failures.Count > 0 ? failures.Min(f => stepOrder[f.Step]) : int.MaxValue;
                var dependents = jobs.Where(j => stepOrder[j.Step] > firstFailedStep || neverSatisfied.Contains(j.JobId)).Select(j => j.JobId).Distinct().ToList();
                _cli.Cancel(dependents);
                _log.WriteLine($"cancelled dependent jobs: {string.Join(", ", dependents)}");
                // Let the failed step's other ranks finish: they are independent and their work is kept.
                var sameStep = pending.Where(p => stepOrder[p.Step] <= firstFailedStep).ToList();
                if (sameStep.Count == 0 || neverSatisfied.Count > 0 && failures.Count == 0)
                {
                    foreach (var s in pending.Select(p => p.Step).Distinct()) observer.StepFinished(s);
                    return new RunResult(failures.OrderBy(f => stepOrder[f.Step]).ThenBy(f => f.Rank).ToList(), jobs.Sum(j => j.Ranks.Count) - pending.Count, 0);
                }
                pending = sameStep;
            }
            if (pending.Count == 0)
            {
                foreach (var s in jobs.Select(j => j.Step).Distinct()) observer.StepFinished(s);
                return new RunResult(failures, jobs.Sum(j => j.Ranks.Count), 0);
            }
            await Task.Delay(TimeSpan.FromSeconds(options.PollSeconds), ct);
        }
    }
}
