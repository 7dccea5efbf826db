using Curation.Mixture.IO;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.ProxyLm.Config;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.validate</c>: trains the larger proxy on the optimum, the natural and the uniform mixture, once per
/// validation seed; task rank = mixture × seeds + seed index. Each writes its run record
/// (<c>validation/&lt;step&gt;/NNNNN.json</c>).
/// </summary>
public sealed class RegMixValidateStep(StepConfig config, RegMixOptions options, LmConfig validationProxy) : IStep
{
    /// <summary>Kind of a validation run's record in completion records.</summary>
    public const string ValidationKind = "validation";

    /// <summary>The validated mixtures, in rank order.</summary>
    public static readonly string[] Mixtures = ["optimum", "natural", "uniform"];

    public string Id => config.Id + ".validate";

    public string Kind => "mixture.regmix.validate";

    public IReadOnlyList<string> DependsOn => [config.Id + ".tokenize", config.Id + ".fit"];

    /// <summary>The seeds every mixture is trained with.</summary>
    public static IReadOnlyList<ulong> Seeds(RegMixOptions options, LmConfig validationProxy) =>
        options.ValidationSeeds.Count > 0 ? options.ValidationSeeds : [validationProxy.Training.Seed];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(Mixtures.Length * Seeds(options, validationProxy).Count);

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var seeds = Seeds(options, validationProxy);
        var mixture = Mixtures[rt.Info.Rank / seeds.Count];
        var seed = seeds[rt.Info.Rank % seeds.Count];
        var domains = RegMixTokenizeStep.ReadDomains(rt, config.Id + ".tokenize");
        var names = domains.Training().Select(d => d.Domain).ToList();
        var weights = mixture switch
        {
            "optimum" => MixtureYaml.Read(RegMixFitStep.WeightsPath(rt.Run, config.Id)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            "natural" => names.Zip(RegMixSampleStep.Natural(domains)).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal),
            _ => names.ToDictionary(d => d, _ => 1.0 / names.Count, StringComparer.Ordinal),
        };
        var proxy = validationProxy with { Training = validationProxy.Training with { Seed = seed } };
        var record = ProxyRunner.Train(rt, mixture, proxy, domains, weights, options.ValidationTokens, options.Fit.Target, ct) with { Seed = seed };
        RegMixProxyStep.WriteRecord(rt, ValidationKind, record);
        rt.Log.WriteLine($"{record.Run} (seed {seed}): val_loss.{options.Fit.Target} = {record.TargetLoss:F4}");
        return Task.CompletedTask;
    }
}
