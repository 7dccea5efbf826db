using Curation.Mixture.IO;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Mixture;

/// <summary>Runs configs whose steps include <c>mixture.regmix</c> on the local executor, and reads their results.</summary>
public static class RegMixRun
{
    /// <summary>Plans (or re-plans and checks) and runs every incomplete task; completed proxy runs are kept.</summary>
    public static async Task<(RunResult Result, RunDirectory Dir, RunPlan Plan)> RunAsync(LoadedConfig loaded, string commandLine,
        IRunObserver? observer, CancellationToken ct)
    {
        var (kinds, ctx) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, ctx).Plan(loaded);
        if (!plan.Steps.Any(s => s.Kind.StartsWith("mixture.regmix.", StringComparison.Ordinal)))
            throw new ConfigException(loaded.Source, [new ConfigError("steps", 0, 0, "no step has kind: mixture.regmix; use curate run for other configs")]);
        var dir = new RunDirectory(loaded.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, commandLine);
        var result = await new LocalExecutor(loaded.Config.Run.Workers, observer).RunAsync(plan, dir, session, ct);
        return (result, dir, plan);
    }

    /// <summary>The results of every completed mixture search in a run directory, in step order.</summary>
    public static List<RegMixResults> Read(RunDirectory dir, RunPlan plan)
    {
        var list = new List<RegMixResults>();
        foreach (var s in plan.Steps.Where(s => s.Kind == "mixture.regmix.fit"))
        {
            var id = s.Id[..^".fit".Length];
            var fitPath = RegMixFitStep.SummaryPath(dir, id);
            if (!File.Exists(fitPath)) continue;
            var summaryPath = RegMixSummaryStep.SummaryPath(dir, id);
            list.Add(new RegMixResults(id, JsonFiles.Read<RegMixFitSummary>(fitPath), RegMixFitStep.WeightsPath(dir, id),
                File.Exists(summaryPath) ? JsonFiles.Read<RegMixValidationSummary>(summaryPath) : null));
        }
        return list;
    }

    /// <summary>The human-readable result: held-out Spearman, the chosen weights (vs natural) and the validation verdict.</summary>
    public static string Format(RegMixResults r)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        sb.Append(inv, $"{r.StepId}: {r.Fit.Regressor} on {r.Fit.Runs} runs, held-out Spearman {r.Fit.HeldOutSpearman:F4}, MSE {r.Fit.HeldOutMse:G4} ({r.Fit.Folds}-fold), target val_loss.{r.Fit.Target}\n");
        sb.Append(inv, $"predicted val_loss.{r.Fit.Target} at the optimum: {r.Fit.PredictedTarget:F4}\n");
        sb.Append("domain".PadRight(28)).Append("  chosen   natural\n");
        foreach (var (d, w) in r.Fit.Weights)
            sb.Append(d.PadRight(28)).Append(inv, $"  {w,6:F4}   {r.Fit.Natural[d],6:F4}\n");
        if (r.Validation is { } v)
        {
            foreach (var m in v.Mixtures)
            {
                sb.Append(inv, $"validation {m.Mixture}: val_loss.{v.Target} {(m.Mean is { } l ? l.ToString("F4", inv) : "diverged")}");
                if (m.StandardError is { } se) sb.Append(inv, $" ± {se:F4} over seeds {string.Join(", ", v.Seeds)} ({string.Join(", ", m.Losses.Select(x => x is { } y ? y.ToString("F4", inv) : "diverged"))})");
                sb.Append('\n');
            }
            sb.Append(v.Verdict).Append('\n');
        }
        sb.Append("weights: ").Append(r.WeightsPath).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// Fits a runs table from any trainer (CSV) and writes the chosen weights; the search space is the table's
    /// domains with a uniform prior. With <paramref name="meanOf"/> the target is the mean of those columns, fitted
    /// per column (<see cref="Curation.Mixture.Regression.ComponentMeanPredictor"/>).
    /// </summary>
    public static MixtureFit FitCsv(string csvPath, string targetColumn, string regressor, string? outPath,
        int folds = 5, int searchSamples = 1_000_000, int topK = 100, ulong seed = 42, IReadOnlyList<string>? meanOf = null)
    {
        var table = meanOf is { Count: > 0 } ? MixtureFitter.ReadCsv(csvPath, [.. meanOf, targetColumn]) : MixtureFitter.ReadCsv(csvPath, targetColumn);
        var space = Curation.Mixture.Sampling.MixtureSpace.Create(table.Domains, table.Domains.Select(_ => 1L).ToList());
        var fit = MixtureFitter.Fit(table, targetColumn, regressor, space, folds, searchSamples, topK, seed, meanOf);
        if (outPath is not null)
            MixtureYaml.Write(outPath, fit.Domains, fit.Search.Weights,
                [$"fitted by {regressor} on {table.Count} runs of {Path.GetFileName(csvPath)}, target {targetColumn}; held-out Spearman {fit.CrossValidation.Spearman.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}"]);
        return fit;
    }
}
