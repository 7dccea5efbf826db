using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.ProxyLm.Config;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.proxies</c>: one task per sampled mixture; trains the small proxy on it and writes the run's mixture
/// and per-domain validation losses (<c>losses/&lt;step&gt;/NNNNN.json</c>). Completed runs are tasks, so a resumed
/// search never trains them again.
/// </summary>
public sealed class RegMixProxyStep(StepConfig config, RegMixOptions options, LmConfig proxy) : IStep
{
    /// <summary>Kind of a run's <see cref="ProxyRunRecord"/> in completion records.</summary>
    public const string LossesKind = "losses";

    public string Id => config.Id + ".proxies";

    public string Kind => "mixture.regmix.proxies";

    public IReadOnlyList<string> DependsOn => [config.Id + ".tokenize", config.Id + ".sample"];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(options.Sample.Runs);

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var domains = RegMixTokenizeStep.ReadDomains(rt, config.Id + ".tokenize");
        var table = RegMixSampleStep.ReadMixtures(rt, config.Id + ".sample");
        var rank = rt.Info.Rank;
        var weights = table.Domains.Select((d, i) => (d, table.Weights[rank][i])).ToDictionary(x => x.d, x => x.Item2, StringComparer.Ordinal);
        var record = ProxyRunner.Train(rt, table.RunIds![rank], proxy, domains, weights, options.ProxyTokens, options.Fit.Target, ct);
        WriteRecord(rt, LossesKind, record);
        rt.Stats.Counters["proxy.tokens"] = record.Tokens;
        return Task.CompletedTask;
    }

    /// <summary>Writes a run record as this task's output of <paramref name="kind"/>.</summary>
    public static void WriteRecord(TaskRuntime rt, string kind, ProxyRunRecord record)
    {
        var path = rt.Outputs.PathFor(kind, rt.Outputs.Prefix + ".json");
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(record, JsonFiles.Options) + "\n");
        rt.Outputs.Add(kind, path, 1);
    }

    /// <summary>Every committed run record of a step, in rank order.</summary>
    public static List<ProxyRunRecord> ReadRecords(TaskRuntime rt, string step, string kind) =>
        rt.Upstream[step].SelectMany(r => r.Outputs.Where(o => o.Kind == kind))
            .Select(o => JsonFiles.Read<ProxyRunRecord>(rt.Run.Absolute(o.Path))).ToList();
}
