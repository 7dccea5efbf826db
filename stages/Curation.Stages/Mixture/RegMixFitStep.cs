using System.Globalization;
using Curation.Mixture.IO;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Report;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.fit</c>: one task; gathers every proxy run's losses (plus <c>import_csv</c>), fits the regressor on the
/// target, prints and stores k-fold diagnostics, searches the simplex and writes <c>weights.yaml</c> (domain: weight,
/// what packing consumes), <c>results.csv</c> (every run's weights and losses) and <c>fit.json</c>, with report charts.
/// </summary>
public sealed class RegMixFitStep(StepConfig config, RegMixOptions options) : IStep
{
    /// <summary>Kind of the fit outputs in completion records (their folder: <c>fit/&lt;step&gt;/</c>).</summary>
    public const string FitKind = "fit";

    public string Id => config.Id + ".fit";

    public string Kind => "mixture.regmix.fit";

    public IReadOnlyList<string> DependsOn => [config.Id + ".tokenize", config.Id + ".sample", config.Id + ".proxies"];

    public StepPlan Plan(PlanContext context, ConfigErrors errors)
    {
        var csv = options.Fit.ImportCsv;
        if (csv.Length > 0 && !File.Exists(csv)) errors.Add($"steps.{config.Id}.options.fit.import_csv", $"file not found: {csv}");
        return new StepPlan(1);
    }

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var domainTokens = RegMixTokenizeStep.ReadDomains(rt, config.Id + ".tokenize");
        var domains = domainTokens.Training().Select(d => d.Domain).ToList();
        var heldOut = domainTokens.HeldOut().Select(d => d.Domain).ToList();
        var measured = domainTokens.Select(d => d.Domain).ToList();
        var runs = RegMixProxyStep.ReadRecords(rt, config.Id + ".proxies", RegMixProxyStep.LossesKind);
        var target = options.Fit.Target;
        if (RegMixTarget.Check(domainTokens, target) is { } problem) throw new InvalidOperationException($"{Id}: {problem}");

        // Every run with its per-domain losses (held-out domains too), as the results table other tools can read back.
        var lossColumns = measured.Select(RegMixTarget.Column).Append(RegMixTarget.Column(RegMixTarget.Mean))
            .Concat(heldOut.Count > 0 ? [RegMixTarget.Column(RegMixTarget.HeldOut)] : []).Distinct(StringComparer.Ordinal).ToList();
        var kept = runs.Where(r => r.TargetLoss is not null && measured.All(r.Losses.ContainsKey)).ToList();
        var dropped = runs.Except(kept).Select(r => r.Run).ToList();
        foreach (var d in dropped) rt.Log.WriteLine($"{d}: left out of the fit (a loss is not finite)");
        var results = new MixtureTable(domains, lossColumns,
            kept.Select(r => domains.Select(d => r.Weights[d]).ToArray()).ToList(),
            kept.Select(r => measured.Select(d => r.Losses[d]).Append(domains.Average(d => r.Losses[d]))
                .Concat(heldOut.Count > 0 ? [heldOut.Average(d => r.Losses[d])] : []).ToArray()).ToList(),
            kept.Select(r => r.Run).ToList());
        var resultsPath = rt.Outputs.PathFor(FitKind, rt.Outputs.Prefix + ".results.csv");
        MixtureCsv.Write(resultsPath, results);
        rt.Outputs.Add(FitKind, resultsPath, results.Count);

        var column = RegMixTarget.Column(target);
        // A mean loss decomposed: one regressor per domain's loss (RegMixFitOptions.Decompose).
        var components = target is RegMixTarget.Mean or RegMixTarget.HeldOut && options.Fit.Decompose
            ? RegMixTarget.Components(domainTokens, target).Select(RegMixTarget.Column).ToList() : null;
        var columns = components is null ? [column] : components.Append(column).ToList();
        var columnIndex = columns.Select(c => results.Targets.ToList().IndexOf(c)).ToArray();
        var table = new MixtureTable(domains, columns, results.Weights,
            results.TargetValues.Select(v => columnIndex.Select(i => v[i]).ToArray()).ToList(), results.RunIds);
        var imported = 0;
        if (options.Fit.ImportCsv.Length > 0)
        {
            var extra = MixtureFitter.ReadCsv(options.Fit.ImportCsv, columns, domains);
            imported = extra.Count;
            table = new MixtureTable(domains, columns, [.. table.Weights, .. extra.Weights], [.. table.TargetValues, .. extra.TargetValues],
                [.. table.RunIds!, .. extra.RunIds ?? Enumerable.Range(0, extra.Count).Select(i => "imported-" + i.ToString(CultureInfo.InvariantCulture)).ToList()]);
        }

        var space = RegMixSampleStep.Space(domainTokens, options.Sample);
        var fit = MixtureFitter.Fit(table, column, options.Fit.Regressor, space, options.Fit.Folds, options.Fit.SearchSamples, options.Fit.TopK,
            options.Fit.Seed, components);
        var natural = RegMixSampleStep.Natural(domainTokens);
        var summary = new RegMixFitSummary
        {
            Regressor = components is null ? options.Fit.Regressor : options.Fit.Regressor + " per domain, mean", Target = target, Runs = table.Count, ImportedRuns = imported, DroppedRuns = dropped,
            Folds = fit.CrossValidation.Folds, HeldOutSpearman = fit.CrossValidation.Spearman, HeldOutMse = fit.CrossValidation.MeanSquaredError,
            FoldSpearman = fit.CrossValidation.FoldSpearman.Select(v => double.IsFinite(v) ? v : 0).ToList(),
            PredictedTarget = fit.Search.PredictedTarget, SearchEvaluated = fit.Search.Evaluated, TopK = options.Fit.TopK,
            Weights = domains.Select((d, i) => (d, fit.Search.Weights[i])).ToDictionary(x => x.d, x => x.Item2, StringComparer.Ordinal),
            Natural = domains.Select((d, i) => (d, natural[i])).ToDictionary(x => x.d, x => x.Item2, StringComparer.Ordinal),
        };
        var weightsPath = rt.Outputs.PathFor(FitKind, rt.Outputs.Prefix + ".weights.yaml");
        MixtureYaml.Write(weightsPath, domains, fit.Search.Weights,
        [
            $"RegMix optimum for {column}: {options.Fit.Regressor}{(components is null ? "" : " per domain (mean of their predictions)")} on {table.Count} runs, top {options.Fit.TopK} of {fit.Search.Evaluated} simulated mixtures averaged",
            $"held-out Spearman {fit.CrossValidation.Spearman.ToString("F4", CultureInfo.InvariantCulture)}, MSE {fit.CrossValidation.MeanSquaredError.ToString("G4", CultureInfo.InvariantCulture)} ({fit.CrossValidation.Folds}-fold); predicted {column} {fit.Search.PredictedTarget.ToString("F4", CultureInfo.InvariantCulture)}",
        ]);
        rt.Outputs.Add(FitKind, weightsPath, domains.Count);
        var summaryPath = rt.Outputs.PathFor(FitKind, rt.Outputs.Prefix + ".fit.json");
        File.WriteAllText(summaryPath, System.Text.Json.JsonSerializer.Serialize(summary, JsonFiles.Options) + "\n");
        rt.Outputs.Add(FitKind, summaryPath, 1);

        rt.Log.WriteLine($"{options.Fit.Regressor} on {table.Count} runs ({imported} imported): held-out Spearman {fit.CrossValidation.Spearman:F4}, MSE {fit.CrossValidation.MeanSquaredError:G4}; predicted {column} at the optimum {fit.Search.PredictedTarget:F4}");
        rt.Stats.Counters["fit.runs"] = table.Count;
        RegMixCharts.WriteFit(rt.Run, Id, summary, fit);
        return Task.CompletedTask;
    }

    /// <summary>Where a committed fit summary lives.</summary>
    public static string SummaryPath(RunDirectory run, string stepId) =>
        Path.Combine(run.KindDir(stepId + ".fit", FitKind), RunDirectory.RankName(0) + ".fit.json");

    /// <summary>Where the committed weights live.</summary>
    public static string WeightsPath(RunDirectory run, string stepId) =>
        Path.Combine(run.KindDir(stepId + ".fit", FitKind), RunDirectory.RankName(0) + ".weights.yaml");
}
