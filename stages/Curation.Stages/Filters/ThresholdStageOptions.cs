using Curation.Pipeline.Config;

namespace Curation.Stages.Filters;

/// <summary>Options of <c>filter.threshold</c>: which rule's thresholds to apply to stored measures, plus that rule's options.</summary>
public sealed class ThresholdStageOptions : RuleStageOptions, IConfigValidatable
{
    /// <summary>The rule id whose thresholds apply (gopher_quality, gopher_repetition, c4_paragraph, fineweb_quality...).</summary>
    public string Rule { get; set; } = "";

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrEmpty(Rule)) errors.Add($"{path}.rule", "name the rule whose thresholds to apply, e.g. rule: gopher_quality");
        if (Mode != RuleStageMode.Filter) errors.Add($"{path}.mode", "filter.threshold always decides on stored measures; leave mode unset");
    }
}
