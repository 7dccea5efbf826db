using Curation.Mixture.IO;
using Curation.Mixture.Sampling;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.sample</c>: one task; builds the mixture space from the domains' training tokens and the constraints,
/// draws the proxy mixtures with RegMix's sampler and writes <c>mixtures/&lt;step&gt;/00000.mixtures.csv</c> (one row per
/// proxy run) and the natural distribution, <c>00000.natural.yaml</c>.
/// </summary>
public sealed class RegMixSampleStep(StepConfig config, RegMixOptions options) : IStep
{
    /// <summary>Kind of the mixtures table and the natural distribution in completion records.</summary>
    public const string MixturesKind = "mixtures";

    public string Id => config.Id + ".sample";

    public string Kind => "mixture.regmix.sample";

    public string TokenizeStep => config.Id + ".tokenize";

    public IReadOnlyList<string> DependsOn => [TokenizeStep];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(1);

    /// <summary>
    /// The space every stage of the search works in: the training domains in tokenize order (held-out domains are
    /// never in a mixture), available tokens, constraints.
    /// </summary>
    public static MixtureSpace Space(IReadOnlyList<DomainTokens> domains, RegMixSampleOptions sample)
    {
        var training = domains.Training();
        return MixtureSpace.Create(training.Select(d => d.Domain).ToList(), training.Select(d => d.TrainTokens).ToList(), sample.Constraints());
    }

    /// <summary>The natural distribution: each training domain's share of the training tokens.</summary>
    public static double[] Natural(IReadOnlyList<DomainTokens> domains)
    {
        var training = domains.Training();
        double total = training.Sum(d => (double)d.TrainTokens);
        return training.Select(d => d.TrainTokens / total).ToArray();
    }

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var domains = RegMixTokenizeStep.ReadDomains(rt, TokenizeStep);
        var space = Space(domains, options.Sample);
        var mixtures = new RegMixSampler(options.Sample.Sampler()).Sample(space, options.Sample.Runs, options.Sample.Seed);
        var names = space.Domains;
        var table = new MixtureTable(names, [], mixtures, mixtures.Select(_ => Array.Empty<double>()).ToList(),
            Enumerable.Range(0, mixtures.Length).Select(RunName).ToList());
        var csv = rt.Outputs.PathFor(MixturesKind, rt.Outputs.Prefix + ".mixtures.csv");
        MixtureCsv.Write(csv, table);
        rt.Outputs.Add(MixturesKind, csv, mixtures.Length);
        var natural = rt.Outputs.PathFor(MixturesKind, rt.Outputs.Prefix + ".natural.yaml");
        MixtureYaml.Write(natural, names, Natural(domains), ["natural distribution: each training domain's share of the training tokens"]);
        rt.Outputs.Add(MixturesKind, natural, names.Count);
        rt.Stats.Counters["mixtures"] = mixtures.Length;
        rt.Log.WriteLine($"sampled {mixtures.Length} mixtures over {names.Count} domains (seed {options.Sample.Seed})");
        return Task.CompletedTask;
    }

    /// <summary>The id of proxy run <paramref name="index"/> ("run-0007").</summary>
    public static string RunName(int index) => "run-" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The committed mixtures table of a sample step.</summary>
    public static MixtureTable ReadMixtures(TaskRuntime rt, string sampleStep)
    {
        var o = rt.Upstream[sampleStep].SelectMany(r => r.Outputs).Single(o => o.Path.EndsWith(".mixtures.csv", StringComparison.Ordinal));
        return MixtureCsv.Read(rt.Run.Absolute(o.Path), []);
    }

    /// <summary>The committed natural distribution of a sample step, in domain order.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> ReadNatural(TaskRuntime rt, string sampleStep)
    {
        var o = rt.Upstream[sampleStep].SelectMany(r => r.Outputs).Single(o => o.Path.EndsWith(".natural.yaml", StringComparison.Ordinal));
        return MixtureYaml.Read(rt.Run.Absolute(o.Path));
    }
}
