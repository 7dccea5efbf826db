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

    public void Validate(string path, ConfigErrors errors)
    {
        if (Proxy is null) errors.Add(path + ".proxy", "set the proxy model: proxy: {model: {...}, training: {...}}");
        if (ProxyTokens <= 0) errors.Add(path + ".proxy_tokens", "must be positive");
        if (ValidationProxy is not null && ValidationTokens <= 0) errors.Add(path + ".validation_tokens", "set the training tokens of the validation runs");
    }
}
