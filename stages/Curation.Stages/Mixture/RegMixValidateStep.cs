using Curation.Mixture.IO;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.ProxyLm.Config;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.validate</c>: three tasks training the larger proxy on the optimum (rank 0), the natural (rank 1) and
/// the uniform (rank 2) mixture; each writes its run record (<c>validation/&lt;step&gt;/NNNNN.json</c>).
/// </summary>
public sealed class RegMixValidateStep(StepConfig config, RegMixOptions options, LmConfig validationProxy) : IStep
{
    /// <summary>Kind of a validation run's record in completion records.</summary>
    public const string ValidationKind = "validation";

    /// <summary>The validated mixtures, by rank.</summary>
    public static readonly string[] Mixtures = ["optimum", "natural", "uniform"];

    public string Id => config.Id + ".validate";

    public string Kind => "mixture.regmix.validate";

    public IReadOnlyList<string> DependsOn => [config.Id + ".tokenize", config.Id + ".fit"];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(Mixtures.Length);

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var domains = RegMixTokenizeStep.ReadDomains(rt, config.Id + ".tokenize");
        var names = domains.Select(d => d.Domain).ToList();
        var weights = Mixtures[rt.Info.Rank] switch
        {
            "optimum" => MixtureYaml.Read(RegMixFitStep.WeightsPath(rt.Run, config.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            "natural" => names.Zip(RegMixSampleStep.Natural(domains)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal),
            _ => names.ToDictionary(d => d, _ => 1.0 / names.Count, StringComparer.Ordinal),
        };
        var record = ProxyRunner.Train(rt, Mixtures[rt.Info.Rank], validationProxy, domains, weights, options.ValidationTokens, options.Fit.Target, ct);
        RegMixProxyStep.WriteRecord(rt, ValidationKind, record);
        rt.Log.WriteLine($"{record.Run}: val_loss.{options.Fit.Target} = {record.TargetLoss:F4}");
        return Task.CompletedTask;
    }
}
