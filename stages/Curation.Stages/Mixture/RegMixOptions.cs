using Curation.Pipeline.Config;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Mixture;

/// <summary>Options of the <c>mixture.regmix</c> step kind (under the step's <c>options:</c>).</summary>
public sealed class RegMixOptions : IConfigValidatable
{
    /// <summary>Where the domains come from and how they are tokenized.</summary>
    public RegMixDataOptions Data { get; set; } = new();

    /// <summary>The sampler and its constraints.</summary>
    public RegMixSampleOptions Sample { get; set; } = new();

    /// <summary>The small proxy model trained once per sampled mixture: <c>model:</c> and <c>training:</c> as in <c>curate lm</c> configs.</summary>
    public YamlNode? Proxy { get; set; }

    /// <summary>Training tokens of each proxy run.</summary>
    public long ProxyTokens { get; set; } = 1_000_000;

    /// <summary>The regression and the simplex search.</summary>
    public RegMixFitOptions Fit { get; set; } = new();

    /// <summary>The larger proxy trained on the optimum, natural and uniform mixtures; omit to skip validation.</summary>
    public YamlNode? ValidationProxy { get; set; }

    /// <summary>Training tokens of each validation run (at least 4× <see cref="ProxyTokens"/> is the point).</summary>
    public long ValidationTokens { get; set; }

    /// <summary>
    /// Seeds of the validation runs: each of the three mixtures is trained once per seed (same seeds for all three,
    /// so the comparison is paired) and judged by its mean over seeds with a standard error. Empty = one run each
    /// with the validation proxy's own <c>training.seed</c>. A single seed cannot tell a real edge from seed noise,
    /// which on small proxies is of the order of the gaps between good mixtures.
    /// </summary>
    public List<ulong> ValidationSeeds { get; set; } = [];

    public void Validate(string path, ConfigErrors errors)
    {
        if (Proxy is null) errors.Add(path + ".proxy", "set the proxy model: proxy: {model: {...}, training: {...}}");
        if (ProxyTokens <= 0) errors.Add(path + ".proxy_tokens", "must be positive");
        if (Fit.Target == RegMixTarget.HeldOut && Data.HeldOut.Count == 0)
            errors.Add(path + ".fit.target", "target 'held_out' needs the held-out domains: list them in data.held_out");
        else if (Fit.Target is not (RegMixTarget.Mean or RegMixTarget.HeldOut) && Data.Domains.Count > 0 && !Data.Domains.Concat(Data.HeldOut).Contains(Fit.Target, StringComparer.Ordinal))
            errors.Add(path + ".fit.target", $"target '{Fit.Target}' is neither mean, held_out nor a listed domain ({string.Join(", ", Data.Domains.Concat(Data.HeldOut))})");
        if (ValidationSeeds.Distinct().Count() != ValidationSeeds.Count) errors.Add(path + ".validation_seeds", "a seed is listed twice");
        if (ValidationProxy is not null && ValidationTokens <= 0) errors.Add(path + ".validation_tokens", "set the training tokens of the validation runs");
    }
}
