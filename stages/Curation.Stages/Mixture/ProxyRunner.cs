using Curation.Pipeline.Execution;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;
using Curation.ProxyLm.Training;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Mixture;

/// <summary>
/// Trains a proxy LM on a mixture of the tokenized domains and records its per-domain validation losses. Runs use
/// a fixed thread count (1 unless the proxy config sets one) so a run's losses do not depend on how many workers
/// the executor has, and checkpoint into <c>checkpoints/&lt;step&gt;/</c> so a killed run resumes where it stopped.
/// </summary>
public static class ProxyRunner
{
    /// <summary>
    /// Parses a proxy config node (<c>model:</c> and <c>training:</c> of a <c>curate lm</c> config); the run length is
    /// set per run from a token budget, so <paramref name="tokens"/> stands in when the node sets none.
    /// </summary>
    public static LmConfig ParseConfig(YamlNode node, long tokens, string sourceName)
    {
        var root = new YamlMappingNode();
        if (node is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode { Value: "training" } && v is YamlMappingNode training)
                {
                    var copy = new YamlMappingNode(training.Children);
                    if (!training.Children.ContainsKey("steps") && !training.Children.ContainsKey("token_budget"))
                        copy.Add("token_budget", tokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    root.Add(k, copy);
                }
                else root.Add(k, v);
            }
            if (!map.Children.ContainsKey("training")) root.Add("training", new YamlMappingNode { { "token_budget", tokens.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        }
        using var text = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        var yaml = text.ToString().TrimEnd();
        if (yaml.EndsWith("...", StringComparison.Ordinal)) yaml = yaml[..^3];
        return LmConfigLoader.Parse(yaml, Directory.GetCurrentDirectory(), sourceName);
    }

    /// <summary>Model parameters of a config.</summary>
    public static long Parameters(LmConfig config) => new ParameterLayout(config.Model).Total;

    /// <summary>Trains <paramref name="baseConfig"/> on <paramref name="weights"/> (by domain) for <paramref name="tokens"/> tokens.</summary>
    public static ProxyRunRecord Train(TaskRuntime rt, string runName, LmConfig baseConfig, IReadOnlyList<DomainTokens> domains,
        IReadOnlyDictionary<string, double> weights, long tokens, string target, CancellationToken ct)
    {
        var vocab = domains.Max(d => d.VocabSize);
        if (baseConfig.Model.VocabSize < vocab)
            throw new InvalidOperationException($"{rt.Info.StepId}: the proxy's model.vocab_size {baseConfig.Model.VocabSize} is below the tokenizer's {vocab} ({domains[0].Tokenizer}); set vocab_size: {vocab}");
        var checkpointDir = Path.Combine(rt.Run.Root, "checkpoints", rt.Info.StepId);
        Directory.CreateDirectory(checkpointDir);
        var checkpoint = Path.Combine(checkpointDir, rt.Outputs.Prefix + ".ckpt");
        var config = baseConfig with
        {
            Data = new DataConfig
            {
                Train = domains.Training().Select(d => new DataSource { Name = d.Domain, Path = rt.Run.Absolute(d.TrainPrefix) }).ToList(),
                Validation = domains.Select(d => new DataSource { Name = d.Domain, Path = rt.Run.Absolute(d.ValidationPrefix), Bytes = d.ValidationBytes }).ToList(),
            },
        };
        config = config.WithMixture(weights.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), tokens, checkpoint);
        if (config.Training.Threads == 0) config = config with { Training = config.Training with { Threads = 1 } };
        if (config.Training.CheckpointInterval == 0)
            config = config with { Training = config.Training with { CheckpointInterval = Math.Max(1, config.Training.EffectiveSteps(config.Model) / 4) } };

        var totalSteps = config.Training.EffectiveSteps(config.Model);
        var every = Math.Max(1, totalSteps / 50);
        var result = ProxyTrainer.Train(config, e => { if (e.Step % every == 0) rt.ReportProgress(e.Step); }, ct);
        if (result.ResumedFromStep > 0) rt.Log.WriteLine($"{runName}: resumed from step {result.ResumedFromStep} of {result.Steps}");
        rt.Log.WriteLine($"{runName}: {result.Steps} steps, {result.TokensTrained} tokens, {result.TokensPerSecond:F0} tokens/s");
        var losses = result.LossByDomain.Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var ordered = domains.Where(d => losses.ContainsKey(d.Domain)).ToDictionary(d => d.Domain, d => losses[d.Domain], StringComparer.Ordinal);
        // The curve of this process only: after a resume it starts at the resumed step, which is what was trained here.
        var curve = result.History.Where(e => e.Step % every == 0 || e.Step == result.Steps).Select(e => new[] { (double)e.Step, (double)e.TrainLoss }).ToList();
        var record = new ProxyRunRecord
        {
            Run = runName,
            Weights = domains.Training().ToDictionary(d => d.Domain, d => weights.TryGetValue(d.Domain, out var w) ? w : 0, StringComparer.Ordinal),
            Losses = ordered,
            TargetLoss = RegMixTarget.Of(ordered, domains, target),
            Parameters = Parameters(config),
            Steps = result.Steps,
            Tokens = result.TokensTrained,
            FinalTrainLoss = result.ResumedFromStep >= result.Steps || !float.IsFinite(result.FinalTrainLoss) ? null : result.FinalTrainLoss,
            TrainLossCurve = curve,
        };
        File.Delete(checkpoint);
        return record;
    }
}
