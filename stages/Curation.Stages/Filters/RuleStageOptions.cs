using Curation.Pipeline.Config;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Filters;

/// <summary>
/// Options of a rule stage: how to run it, and the rule's own options under datatrove's names
/// (<c>min_doc_words</c>, <c>languages: {de: {...}}</c>...), which the rule itself validates.
/// </summary>
public class RuleStageOptions
{
    /// <summary>filter (default), annotate (store measures, keep all) or decide (thresholds on stored measures).</summary>
    public RuleStageMode Mode { get; set; } = RuleStageMode.Filter;

    /// <summary>Metadata key holding the document's language for per-language overrides; unset reads <c>language</c>, then <c>lang</c>.</summary>
    public string? LanguageKey { get; set; }

    /// <summary>Metadata key holding the URL, for the URL rule.</summary>
    public string UrlKey { get; set; } = "url";

    /// <summary>
    /// Record histograms of the key measures for the report. Unset: on in annotate and decide modes (the measures
    /// are at hand), off in filter mode (it would measure every document a second time).
    /// </summary>
    public bool? Histograms { get; set; }

    /// <summary>The rule's options, raw; every key the stage does not declare lands here.</summary>
    [ConfigRest]
    public Dictionary<string, YamlNode> RuleOptions { get; set; } = new(StringComparer.Ordinal);
}
