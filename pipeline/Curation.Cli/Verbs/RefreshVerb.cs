using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Execution.Refresh;
using Curation.Stages;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary>
/// <c>curate refresh CONFIG</c>: the nightly job. Processes only input shards that are new or changed since the last
/// refresh (content hash), as a new version under run.output, and records lineage in refresh.json and manifest.json.
/// </summary>
public sealed class RefreshVerb : ICliCommand
{
    public Command Create()
    {
        var config = SharedOptions.Config();
        var set = SharedOptions.Set();
        var cmd = new Command("refresh", "process only new or changed input shards as a new version (nightly incremental refresh)") { config, set };
        cmd.SetAction(async (pr, ct) =>
        {
            var (kinds, ctx) = BuiltinRegistry.Create();
            var runner = new RefreshRunner(new RunPlanner(kinds, ctx));
            var outcome = await runner.RunAsync(pr.GetValue(config)!, pr.GetValue(set) ?? [], async (plan, dir, session) =>
            {
                RunResult result = null!;
                await Consoles.Err.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async p => result = await new LocalExecutor(plan.Config.Config.Run.Workers, new ProgressObserver(p)).RunAsync(plan, dir, session, ct));
                return result;
            });
            if (outcome.NothingToDo)
            {
                Consoles.Out.WriteLine($"nothing new: every input shard was already processed (latest version {outcome.Version})");
                return 0;
            }
            Consoles.Out.WriteLine($"version {outcome.Version}: {outcome.NewInputs.Count} new and {outcome.ChangedInputs.Count} changed input shard(s) → {outcome.RunDirectory}");
            var dir = new RunDirectory(outcome.RunDirectory!);
            Consoles.Out.Write(StatsTable.Build(RunStatus.StepStats(dir)));
            if (!outcome.Result!.Succeeded)
            {
                foreach (var (step, rank, error) in outcome.Result.Failures)
                    Consoles.Err.MarkupLineInterpolated($"[red]failed[/] {step} rank {rank}: {error}");
                Consoles.Err.MarkupLine("[yellow]run `curate refresh` again to resume this version[/]");
                return 1;
            }
            Curation.Stages.Report.HtmlReport.Write(dir);
            return 0;
        });
        return cmd;
    }
}
