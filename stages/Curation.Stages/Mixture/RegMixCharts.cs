using System.Globalization;
using Curation.Pipeline.Execution;
using Curation.Stages.Report;

namespace Curation.Stages.Mixture;

/// <summary>The mixture search's charts in the run report: predicted vs actual, chosen vs natural weights, validation losses.</summary>
public static class RegMixCharts
{
    private const string Section = "Mixture search (RegMix)";

    /// <summary>Held-out predictions against measured targets, and chosen against natural weights.</summary>
    public static void WriteFit(RunDirectory run, string step, RegMixFitSummary summary, MixtureFit fit)
    {
        var cv = fit.CrossValidation;
        ReportSidecars.Write(run, step, "predicted-vs-actual", new ChartSpec
        {
            Section = Section,
            Title = $"{summary.Regressor} predicts held-out runs with Spearman {F(cv.Spearman, "F3")} ({summary.Runs} runs, {cv.Folds}-fold)",
            Kind = ChartKind.Scatter,
            XLabel = $"measured val_loss.{summary.Target} (nats/token)",
            YLabel = "out-of-fold prediction (nats/token)",
            Series = [new ChartSeries("runs", [.. fit.Targets], [.. cv.Predictions])],
            Facts = new Dictionary<string, string>
            {
                ["held-out Spearman"] = F(cv.Spearman, "F4"),
                ["held-out MSE"] = F(cv.MeanSquaredError, "G4"),
                ["predicted target at the optimum"] = F(fit.Search.PredictedTarget, "F4"),
                ["mixtures simulated"] = fit.Search.Evaluated.ToString("N0", CultureInfo.InvariantCulture),
            },
        });
        var domains = summary.Weights.Keys.ToArray();
        var biggest = domains.OrderByDescending(d => summary.Weights[d] - summary.Natural[d]).First();
        ReportSidecars.Write(run, step, "weights", new ChartSpec
        {
            Section = Section,
            Title = $"The chosen mixture raises {biggest} most: {F(summary.Natural[biggest] * 100, "F1")}% → {F(summary.Weights[biggest] * 100, "F1")}%",
            Kind = ChartKind.Bars,
            XLabel = "weight",
            Labels = domains,
            Series =
            [
                new ChartSeries("chosen", [], domains.Select(d => summary.Weights[d]).ToArray()),
                new ChartSeries("natural", [], domains.Select(d => summary.Natural[d]).ToArray()),
            ],
            Table = [["domain", "chosen", "natural"], .. domains.Select(d => new[] { d, F(summary.Weights[d], "F4"), F(summary.Natural[d], "F4") })],
        });
    }

    /// <summary>Target loss of the optimum, natural and uniform mixtures on the larger proxy, with their loss curves.</summary>
    public static void WriteValidation(RunDirectory run, string step, RegMixValidationSummary summary, IReadOnlyList<ProxyRunRecord> runs)
    {
        var mixtures = summary.Mixtures;
        var multi = summary.Seeds.Count > 1;
        ReportSidecars.Write(run, step, "validation", new ChartSpec
        {
            Section = Section,
            Title = summary.Verdict,
            Kind = ChartKind.Bars,
            XLabel = $"val_loss.{summary.Target} (nats/token), larger proxy{(multi ? $", mean of {summary.Seeds.Count} seeds" : "")}",
            Labels = mixtures.Select(m => m.Mixture).ToArray(),
            Series = [new ChartSeries("target loss", [], mixtures.Select(m => m.Mean ?? double.NaN).ToArray())],
            Facts = new Dictionary<string, string>
            {
                ["parameters (validation / search proxy)"] = $"{summary.ValidationParameters:N0} / {summary.ProxyParameters:N0} = {F(summary.ParameterRatio, "F1")}×",
                ["tokens (validation / search proxy)"] = $"{summary.ValidationTokens:N0} / {summary.ProxyTokens:N0} = {F(summary.TokenRatio, "F1")}×",
                ["seeds"] = string.Join(", ", summary.Seeds),
            },
            Table = multi
                ? [["mixture", .. summary.Seeds.Select(s => "seed " + s), "mean", "± SE", "gap to optimum", "± SE"],
                   .. mixtures.Select(m => new[] { m.Mixture }.Concat(m.Losses.Select(l => l is { } v ? F(v, "F4") : "diverged"))
                       .Concat([m.Mean is { } mu ? F(mu, "F4") : "", m.StandardError is { } se ? F(se, "F4") : "",
                                m.GapToOptimum is { } g ? F(g, "+0.0000;-0.0000") : "", m.GapStandardError is { } gs ? F(gs, "F4") : ""]).ToArray())]
                : [],
        });
        ReportSidecars.Write(run, step, "validation-curves", new ChartSpec
        {
            Section = Section,
            Title = "Training loss of the validation runs",
            Kind = ChartKind.Lines,
            XLabel = "step",
            YLabel = "training loss (nats/token)",
            Series = runs.Select(r => new ChartSeries(r.Seed is { } s && summary.Seeds.Count > 1 ? $"{r.Run} (seed {s})" : r.Run, r.TrainLossCurve.Select(p => p[0]).ToArray(), r.TrainLossCurve.Select(p => p[1]).ToArray())).ToList(),
        });
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
