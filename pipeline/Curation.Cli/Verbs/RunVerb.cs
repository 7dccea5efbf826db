using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary><c>curate run CONFIG</c>: plans (or re-plans and checks) the run and executes every incomplete task.</summary>
public sealed class RunVerb : ICliCommand
{
    public Command Create()
    {
        var config = SharedOptions.Config();
        var set = SharedOptions.Set();
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory and start again" };
        var executor = new Option<string>("--executor") { Description = "local (default)", DefaultValueFactory = _ => "local" };
        var cmd = new Command("run", "run a pipeline config; rerunning resumes, redoing only incomplete tasks") { config, set, overwrite, executor };
        cmd.SetAction(async (pr, ct) =>
        {
            var loaded = ConfigLoader.Load(pr.GetValue(config)!, pr.GetValue(set) ?? []);
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var dir = new RunDirectory(loaded.Config.Run.Output);
            if (pr.GetValue(overwrite) && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
            if (pr.GetValue(executor) is { } ex && ex != "local")
                throw new CliError($"unknown executor '{ex}'", 2, "use --executor local");
            RunPreparation.Prepare(plan, dir);
            var session = RunPreparation.OpenSession(dir, "curate " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            Consoles.Err.MarkupLineInterpolated($"[grey]run directory {dir.Root} (session {session}, {loaded.Config.Run.Workers} workers)[/]");

            RunResult result = null!;
            await Consoles.Err.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async p =>
                {
                    var exec = new LocalExecutor(loaded.Config.Run.Workers, new ProgressObserver(p));
                    result = await exec.RunAsync(plan, dir, session, ct);
                });

            Consoles.Out.Write(StatsTable.Build(RunStatus.StepStats(dir)));
            Consoles.Out.WriteLine($"run directory: {dir.Root}");
            if (loaded.Config.Run.Report)
                Consoles.Out.WriteLine($"report: {Curation.Stages.Report.HtmlReport.Write(dir).Html}");
            if (!result.Succeeded)
            {
                foreach (var (step, rank, error) in result.Failures)
                    Consoles.Err.MarkupLineInterpolated($"[red]failed[/] {step} rank {rank}: {error}\n  log: {dir.LogFile(step, rank)}");
                Consoles.Err.MarkupLine("[yellow]rerun the same command to resume: completed tasks are kept[/]");
                return 1;
            }
            return 0;
        });
        return cmd;
    }
}
