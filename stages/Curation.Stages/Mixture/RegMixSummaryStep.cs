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
        var finite = runs.Where(r => r.TargetLoss is not null).OrderBy(r => r.TargetLoss!.Value).ThenBy(r => r.Run, StringComparer.Ordinal).ToList();
        var lowest = finite.Count > 0 ? finite[0].Run : "";
        var optimum = runs.Single(r => r.Run == "optimum");
        string L(ProxyRunRecord r) => r.TargetLoss is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "diverged";
        var others = runs.Where(r => r.Run != "optimum").ToList();
        var verdict = lowest == "optimum"
            ? $"The optimum has the lowest val_loss.{options.Fit.Target}: {L(optimum)} vs {string.Join(", ", others.Select(r => $"{r.Run} {L(r)}"))}"
            : $"The optimum is not the lowest: {lowest} {(finite.Count > 0 ? L(finite[0]) : "")}; optimum {L(optimum)}, {string.Join(", ", others.Where(r => r.Run != lowest).Select(r => $"{r.Run} {L(r)}"))}";
        var proxyParams = ProxyRunner.Parameters(proxy);
        var summary = new RegMixValidationSummary
        {
            Target = options.Fit.Target,
            TargetLoss = runs.ToDictionary(r => r.Run, r => r.TargetLoss, StringComparer.Ordinal),
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
}
