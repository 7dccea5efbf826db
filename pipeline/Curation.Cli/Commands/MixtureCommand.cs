using System.CommandLine;
using System.Globalization;
using Curation.Cli.Verbs;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Mixture;

namespace Curation.Cli.Commands;

/// <summary><c>curate mixture run|fit</c>: RegMix mixture optimisation (stages/Curation.Stages/Mixture).</summary>
public sealed class MixtureCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var mixture = new Command("mixture", "Choose domain weights by regression on proxy runs (RegMix).");
        mixture.Subcommands.Add(Run());
        mixture.Subcommands.Add(Fit());
        return mixture;
    }

    private static Command Run()
    {
        var config = SharedOptions.Config();
        var set = SharedOptions.Set();
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory and start again" };
        var cmd = new Command("run", "Run a config with a mixture.regmix step (rerun to resume: finished proxy runs are kept); print the held-out Spearman and the chosen weights.")
            { config, set, overwrite };
        cmd.SetAction(async (pr, ct) =>
        {
            var loaded = ConfigLoader.Load(pr.GetValue(config)!, pr.GetValue(set) ?? []);
            if (pr.GetValue(overwrite) && Directory.Exists(loaded.Config.Run.Output)) Directory.Delete(loaded.Config.Run.Output, recursive: true);
            var (result, dir, plan) = await RegMixRun.RunAsync(loaded, "curate " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), new StderrObserver(), ct);
            if (loaded.Config.Run.Report) Console.Error.WriteLine($"report: {Curation.Stages.Report.HtmlReport.Write(dir).Html}");
            if (!result.Succeeded)
            {
                foreach (var (step, rank, error) in result.Failures)
                    Console.Error.WriteLine($"failed {step} rank {rank}: {error}\n  log: {dir.LogFile(step, rank)}");
                throw new CliError($"{result.Failures.Count} task(s) failed", 1, "rerun the same command to resume: completed proxy runs are kept");
            }
            foreach (var r in RegMixRun.Read(dir, plan)) Console.Out.Write(RegMixRun.Format(r));
            Console.Out.WriteLine($"run directory: {dir.Root}");
            return 0;
        });
        return cmd;
    }

    private static Command Fit()
    {
        var csv = new Option<string>("--csv") { Description = "runs table: optional 'run' column, one weight column per domain, target column(s)", Required = true };
        var target = new Option<string>("--target") { Description = "the target column (e.g. val_loss.mean)", Required = true };
        var regressor = new Option<string>("--regressor") { Description = "gbdt (default), ridge or log_linear", DefaultValueFactory = _ => "gbdt" };
        var output = new Option<string?>("--out") { Description = "write the chosen weights as YAML (domain: weight)" };
        var samples = new Option<int>("--samples") { Description = "mixtures simulated by the search", DefaultValueFactory = _ => 1_000_000 };
        var topK = new Option<int>("--top-k") { Description = "best mixtures averaged", DefaultValueFactory = _ => 100 };
        var folds = new Option<int>("--folds") { Description = "folds of the held-out diagnostics", DefaultValueFactory = _ => 5 };
        var seed = new Option<ulong>("--seed") { Description = "seed of the search", DefaultValueFactory = _ => 42UL };
        var meanOf = new Option<string?>("--mean-of")
        {
            Description = "the target is the mean of these columns (comma-separated, e.g. every val_loss.<domain>): fit one regressor per column and predict their mean",
        };
        var cmd = new Command("fit", "Fit a regressor on a runs table from any trainer, print held-out diagnostics and the chosen weights.")
            { csv, target, regressor, output, samples, topK, folds, seed, meanOf };
        cmd.SetAction(pr =>
        {
            var name = pr.GetValue(regressor)!;
            if (name is not ("gbdt" or "ridge" or "log_linear")) throw new CliError($"unknown regressor '{name}'", 2, "use gbdt, ridge or log_linear");
            MixtureFit fit;
            try
            {
                var components = pr.GetValue(meanOf)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                fit = RegMixRun.FitCsv(pr.GetValue(csv)!, pr.GetValue(target)!, name, pr.GetValue(output), pr.GetValue(folds), pr.GetValue(samples),
                    pr.GetValue(topK), pr.GetValue(seed), components);
            }
            catch (Exception e) when (e is FileNotFoundException or FormatException or InvalidDataException or ArgumentException)
            {
                throw new CliError(e.Message, 2, "the CSV needs a header row: optional run, one column per domain, and the --target column");
            }
            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(inv, $"{name} on {fit.Targets.Count} runs: held-out Spearman {fit.CrossValidation.Spearman:F4}, MSE {fit.CrossValidation.MeanSquaredError:G4} ({fit.CrossValidation.Folds}-fold)"));
            Console.Out.WriteLine(string.Create(inv, $"predicted {pr.GetValue(target)} at the optimum: {fit.Search.PredictedTarget:F4}"));
            for (var i = 0; i < fit.Domains.Count; i++) Console.Out.WriteLine(string.Create(inv, $"{fit.Domains[i]}: {fit.Search.Weights[i]:F4}"));
            if (pr.GetValue(output) is { } o) Console.Error.WriteLine($"wrote {o}");
            return 0;
        });
        return cmd;
    }

    /// <summary>One stderr line per finished step, enough for a long proxy sweep without a live display.</summary>
    private sealed class StderrObserver : IRunObserver
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void StepStarted(string step, int tasks, int alreadyComplete) =>
            Console.Error.WriteLine($"{step}: {tasks} task(s), {alreadyComplete} already complete");

        public void TaskProgress(string step, int rank, long documents) { }

        public void TaskFinished(string step, int rank, bool succeeded, string? error) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{_clock.Elapsed:mm\\:ss}] {step} rank {rank} {(succeeded ? "done" : "FAILED: " + error)}"));

        public void StepFinished(string step) { }
    }
}
