using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Execution.Slurm;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary><c>curate status RUN_DIR</c>: per step, tasks complete, attempts, and failures with their logs.</summary>
public sealed class StatusVerb : ICliCommand
{
    public Command Create()
    {
        var dirArg = SharedOptions.RunDir();
        var all = new Option<bool>("--tasks") { Description = "list every task, not only the ones that need attention" };
        var cmd = new Command("status", "show which tasks of a run are complete, rerun or failed") { dirArg, all };
        cmd.SetAction(pr =>
        {
            var dir = new RunDirectory(pr.GetValue(dirArg)!);
            var tasks = RunStatus.Tasks(dir);
            var t = new Table().Border(TableBorder.Rounded).Title($"status of {Markup.Escape(dir.Root)}");
            t.AddColumns("step", "complete", "incomplete", "failed", "rerun (attempts > 1)");
            foreach (var g in tasks.GroupBy(x => x.Step))
            {
                var rerun = g.Where(x => x.Attempts > 1).Select(x => $"{x.Rank}×{x.Attempts}").ToList();
                t.AddRow(Markup.Escape(g.Key), $"{g.Count(x => x.Complete)}/{g.Count()}", g.Count(x => !x.Complete).ToString(),
                    g.Count(x => x.Failure is not null).ToString(), Markup.Escape(rerun.Count == 0 ? "none" : string.Join(" ", rerun.Take(20))));
            }
            Consoles.Out.Write(t);
            var show = pr.GetValue(all) ? tasks : tasks.Where(x => !x.Complete || x.Attempts > 1).ToList();
            if (show.Count > 0)
            {
                var d = new Table().Border(TableBorder.Simple);
                d.AddColumns("step", "rank", "state", "attempts", "completed in session", "log / error");
                foreach (var x in show)
                {
                    var state = x.Complete ? "complete" : x.Failure is not null ? "failed" : "incomplete";
                    d.AddRow(Markup.Escape(x.Step), x.Rank.ToString(), state, x.Attempts.ToString(), x.CompletedInSession?.ToString() ?? "",
                        Markup.Escape(x.Failure is null ? x.LogPath : $"{x.LogPath}: {x.Failure}"));
                }
                Consoles.Out.Write(d);
            }
            SlurmState(dir, tasks);
            var incomplete = tasks.Count(x => !x.Complete);
            Consoles.Out.WriteLine(incomplete == 0 ? "all tasks complete" : $"{incomplete} task(s) incomplete");
            return 0;
        });
        return cmd;
    }

    /// <summary>For runs submitted to Slurm: the queue state of every incomplete rank next to its completion state.</summary>
    private static void SlurmState(RunDirectory dir, List<TaskState> tasks)
    {
        var jobs = SlurmJobs.Read(dir);
        if (jobs.Count == 0) return;
        var latest = jobs.GroupBy(j => j.Step).ToDictionary(g => g.Key, g => g.Where(j => j.Session == g.Max(x => x.Session)).ToList());
        var current = latest.Values.SelectMany(x => x).ToList();
        List<(string JobId, int TaskId, string State, string Reason)> queue;
        try { queue = new SlurmCli().Queue(current.Select(j => j.JobId)); }
        catch (SlurmException e) { Consoles.Out.WriteLine($"slurm: {e.Message}"); return; }
        var t = new Table().Border(TableBorder.Simple).Title("slurm (latest submission)");
        t.AddColumns("step", "rank", "job", "slurm state", "reason", "completion");
        foreach (var job in current)
        {
            foreach (var r in job.Ranks)
            {
                var task = tasks.First(x => x.Step == job.Step && x.Rank == r);
                var q = queue.FirstOrDefault(x => x.JobId == job.JobId && job.RankOffset + x.TaskId == r);
                var state = q.State ?? (task.Complete ? "done" : "gone (failed or cancelled)");
                if (task.Complete && q.State is null) continue;
                t.AddRow(Markup.Escape(job.Step), r.ToString(), $"{job.JobId}_{r - job.RankOffset}", Markup.Escape(state), Markup.Escape(q.Reason ?? ""), task.Complete ? "complete" : "incomplete");
            }
        }
        if (t.Rows.Count > 0) Consoles.Out.Write(t);
        else Consoles.Out.WriteLine("slurm: no submitted rank is queued or missing");
    }
}
