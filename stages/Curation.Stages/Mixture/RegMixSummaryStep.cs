using System.Globalization;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.ProxyLm.Config;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.summary</c>: one task; compares the validated mixtures' target losses, states which is lowest and
/// writes <c>summary/&lt;step&gt;/00000.json</c> with the report charts.
/// </summary>
public sealed class RegMixSummaryStep(StepConfig config, RegMixOptions options, LmConfig proxy) : IStep
{
    /// <summary>Kind of the summary in completion records.</summary>
    public const string SummaryKind = "summary";

    public string Id => config.Id + ".summary";

    public string Kind => "mixture.regmix.summary";

    public IReadOnlyList<string> DependsOn => [config.Id + ".fit", config.Id + ".validate"];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(1);

    /// <summary>Where a committed validation summary lives.</summary>
    public static string SummaryPath(RunDirectory run, string stepId) =>
        Path.Combine(run.KindDir(stepId + ".summary", SummaryKind), RunDirectory.RankName(0) + ".json");

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var runs = RegMixProxyStep.ReadRecords(rt, config.Id + ".validate", RegMixValidateStep.ValidationKind);
        var fit = JsonFiles.Read<RegMixFitSummary>(RegMixFitStep.SummaryPath(rt.Run, config.Id));
        var seeds = RegMixValidationStats.SeedsOf(runs);
        var mixtures = RegMixValidationStats.Summarise(runs, seeds);
        var verdict = Verdict(mixtures, options.Fit.Target, seeds.Count);
        var lowest = mixtures.Where(m => m.Mean is not null).OrderBy(m => m.Mean!.Value).Select(m => m.Mixture).FirstOrDefault() ?? "";
        var optimum = runs.First(r => r.Run == "optimum");
        var proxyParams = ProxyRunner.Parameters(proxy);
        var summary = new RegMixValidationSummary
        {
            Target = options.Fit.Target,
            TargetLoss = mixtures.ToDictionary(m => m.Mixture, m => m.Mean, StringComparer.Ordinal),
            Seeds = seeds,
            Mixtures = mixtures,
            Lowest = lowest,
            Verdict = verdict,
            ProxyParameters = proxyParams,
            ValidationParameters = optimum.Parameters,
            ProxyTokens = options.ProxyTokens,
            ValidationTokens = optimum.Tokens,
            ParameterRatio = (double)optimum.Parameters / proxyParams,
            TokenRatio = (double)optimum.Tokens / options.ProxyTokens,
            HeldOutSpearman = fit.HeldOutSpearman,
            Weights = fit.Weights,
        };
        var path = rt.Outputs.PathFor(SummaryKind, rt.Outputs.Prefix + ".json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(summary, JsonFiles.Options) + "\n");
        rt.Outputs.Add(SummaryKind, path, 1);
        rt.Log.WriteLine(verdict);
        if (summary.ParameterRatio < 4 || summary.TokenRatio < 4)
            rt.Log.WriteLine($"note: the validation proxy is {summary.ParameterRatio:F1}× the parameters and {summary.TokenRatio:F1}× the tokens of the search proxy; RegMix validates at ≥ 4× both");
        RegMixCharts.WriteValidation(rt.Run, Id, summary, runs);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A sentence on the outcome. With several seeds it gives each mixture's mean ± standard error and the paired gap
    /// to the optimum in standard errors, so a reader can tell an edge from seed noise.
    /// </summary>
    public static string Verdict(IReadOnlyList<ValidatedMixture> mixtures, string target, int seeds)
    {
        var inv = CultureInfo.InvariantCulture;
        string L(ValidatedMixture m) => m.Mean is not { } v ? "diverged"
            : m.StandardError is { } se ? string.Create(inv, $"{v:F4} ± {se:F4}") : v.ToString("F4", inv);
        string Gap(ValidatedMixture m) => m.GapToOptimum is not { } g ? ""
            : m.GapStandardError is { } se && se > 0 ? string.Create(inv, $" (paired gap {g:+0.0000;-0.0000} ± {se:F4}, {g / se:F1} SE)")
            : m.GapStandardError is not null ? string.Create(inv, $" (paired gap {g:+0.0000;-0.0000}, identical on every seed)") : "";
        var finite = mixtures.Where(m => m.Mean is not null).OrderBy(m => m.Mean!.Value).ToList();
        var optimum = mixtures.First(m => m.Mixture == "optimum");
        var others = mixtures.Where(m => m.Mixture != "optimum").ToList();
        var over = seeds > 1 ? $" (mean over {seeds} seeds)" : "";
        if (finite.Count > 0 && finite[0].Mixture == "optimum")
            return $"The optimum has the lowest val_loss.{target}{over}: {L(optimum)} vs {string.Join(", ", others.Select(m => $"{m.Mixture} {L(m)}{Gap(m)}"))}";
        var lowest = finite.Count > 0 ? finite[0] : null;
        return $"The optimum is not the lowest{over}: {(lowest is null ? "every run diverged" : $"{lowest.Mixture} {L(lowest)}")}; optimum {L(optimum)}, " +
               string.Join(", ", others.Where(m => m != lowest).Select(m => $"{m.Mixture} {L(m)}{Gap(m)}"));
    }
}
