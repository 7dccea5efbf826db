using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages.Filters;

/// <summary>The heuristic rule stages (Gopher, C4, FineWeb, URL), PII redaction, normalisation and the threshold-only stage.</summary>
public sealed class FiltersModule : IStageModule
{
    /// <summary>Stage type id → rule id, for every rule stage.</summary>
    public static IReadOnlyDictionary<string, string> RuleStages { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["filter.gopher_quality"] = "gopher_quality",
        ["filter.gopher_repetition"] = "gopher_repetition",
        ["filter.c4_quality"] = "c4_quality",
        ["filter.c4_badwords"] = "c4_badwords",
        ["filter.c4_paragraph"] = "c4_paragraph",
        ["filter.fineweb_quality"] = "fineweb_quality",
        ["filter.url"] = "url",
        ["pii.redact"] = "pii",
        ["normalize.unicode"] = "normalize_unicode",
        ["normalize.whitespace"] = "normalize_whitespace",
    };

    /// <summary>The stage type id that runs a rule (<c>gopher_quality</c> → <c>filter.gopher_quality</c>).</summary>
    public static string StageTypeOf(string ruleId) =>
        RuleStages.FirstOrDefault(p => p.Value == ruleId).Key
        ?? throw new ArgumentException($"unknown rule '{ruleId}'; known: {string.Join(", ", RuleStages.Values)}");

    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats)
    {
        foreach (var (type, rule) in RuleStages)
        {
            stages.Add<RuleStageOptions>(type, $"the {rule} rule (datatrove options; mode: filter | annotate | decide)",
                (o, id) => new RuleStage(rule, o, id, o.Mode));
        }
        stages.Add<ThresholdStageOptions>("filter.threshold", "apply a rule's thresholds to measures stored by mode: annotate",
            (o, id) => new RuleStage(o.Rule, o, id, RuleStageMode.Decide));
    }
}
