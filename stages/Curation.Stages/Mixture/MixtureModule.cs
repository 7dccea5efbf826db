using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;
using Curation.ProxyLm.Config;

namespace Curation.Stages.Mixture;

/// <summary>Registers the <c>mixture.regmix</c> step kind: RegMix mixture optimisation, end to end.</summary>
public sealed class MixtureModule : IStageModule
{
    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats) =>
        kinds.Add("mixture.regmix", "choose domain weights: tokenize domains, sample mixtures, train proxies, fit a regressor, search, validate", Build);

    /// <summary>
    /// Expands one configured step into <c>&lt;id&gt;.tokenize</c> (one task per domain), <c>.sample</c> (1),
    /// <c>.proxies</c> (one per run), <c>.fit</c> (1) and, with a validation proxy, <c>.validate</c> (3) and <c>.summary</c> (1).
    /// </summary>
    public static IEnumerable<IStep> Build(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (step.Input is not null) errors.Add($"{path}.input", "a mixture.regmix step reads options.data.train/validation, not input:");
        if (step.Stages.Count > 0) errors.Add($"{path}.stages", "a mixture.regmix step has no stages");
        var options = ConfigBinder.Bind<RegMixOptions>(step.Options, $"{path}.options", errors);
        var proxy = Parse(options.Proxy, options.ProxyTokens, $"{path}.options.proxy", errors);
        var validation = Parse(options.ValidationProxy, Math.Max(1, options.ValidationTokens), $"{path}.options.validation_proxy", errors);
        if (errors.Any || proxy is null) return [];
        var steps = new List<IStep>
        {
            new RegMixTokenizeStep(step, options, ctx.Formats),
            new RegMixSampleStep(step, options),
            new RegMixProxyStep(step, options, proxy),
            new RegMixFitStep(step, options),
        };
        if (validation is not null)
        {
            steps.Add(new RegMixValidateStep(step, options, validation));
            steps.Add(new RegMixSummaryStep(step, options, proxy));
        }
        return steps;
    }

    private static LmConfig? Parse(YamlDotNet.RepresentationModel.YamlNode? node, long tokens, string path, ConfigErrors errors)
    {
        if (node is null) return null;
        try
        {
            return ProxyRunner.ParseConfig(node, tokens, path);
        }
        catch (ProxyLmConfigException e)
        {
            errors.Add(path, node, e.Message);
            return null;
        }
    }
}
