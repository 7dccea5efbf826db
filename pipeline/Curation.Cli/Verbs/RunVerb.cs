using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Execution.Slurm;
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
        var executor = new Option<string>("--executor") { Description = "local (default) or slurm", DefaultValueFactory = _ => "local" };
        var detach = new Option<bool>("--detach") { Description = "with --executor slurm: submit and return without waiting" };
        var cmd = new Command("run", "run a pipeline config; rerunning resumes, redoing only incomplete tasks") { config, set, overwrite, executor, detach };
        cmd.SetAction(async (pr, ct) =>
        {
            var kind = pr.GetValue(executor) ?? "local";
            if (kind is not ("local" or "slurm")) throw new CliError($"unknown executor '{kind}'", 2, "use --executor local or --executor slurm");
            var loaded = ConfigLoader.Load(pr.GetValue(config)!, pr.GetValue(set) ?? []);
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var dir = new RunDirectory(loaded.Config.Run.Output);
            if (pr.GetValue(overwrite) && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
            RunPreparation.Prepare(plan, dir);
            var session = RunPreparation.OpenSession(dir, "curate " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            Consoles.Err.MarkupLineInterpolated($"[grey]run directory {dir.Root} (session {session}, {kind} executor)[/]");

            RunResult result = null!;
            if (kind == "slurm")
            {
                var slurm = new SlurmExecutor(loaded.Config.Slurm, log: Console.Error) { CurateCommand = CurateCommand() };
                var jobs = slurm.Submit(plan, dir, session);
                if (jobs.Count == 0) Consoles.Err.MarkupLine("[grey]nothing to submit: every task is complete[/]");
                if (pr.GetValue(detach))
                {
                    Consoles.Out.WriteLine($"submitted {jobs.Count} array job(s): {string.Join(", ", jobs.Select(j => j.JobId))}; `curate status {dir.Root}` shows progress");
                    return 0;
                }
                await Progress(async obs => result = await slurm.WaitAsync(plan, dir, jobs, obs, ct));
            }
            else
            {
                await Progress(async obs => result = await new LocalExecutor(loaded.Config.Run.Workers, obs).RunAsync(plan, dir, session, ct));
            }

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

    private static Task Progress(Func<IRunObserver, Task> body) =>
        Consoles.Err.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(p => body(new ProgressObserver(p)));

    /// <summary>How a job script starts this same curate: the apphost, or dotnet plus curate.dll.</summary>
    private static List<string> CurateCommand()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var dll = typeof(RunVerb).Assembly.Location;
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, dll] : [host];
    }
}
