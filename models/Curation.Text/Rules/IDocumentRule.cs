namespace Curation.Text.Rules;

/// <summary>
/// A document rule: a filter (keep or drop with a reason), a line remover or a text mapper. Rules are pure,
/// thread-safe functions of their input string.
/// </summary>
public interface IDocumentRule
{
    /// <summary>The registry id, e.g. <c>gopher_quality</c>.</summary>
    string Id { get; }

    /// <summary>Which field of the document the rule reads: the text, or the URL in metadata.</summary>
    RuleInput Input { get; }

    /// <summary>The named values the rule's decision is based on, for an annotate mode (e.g. <c>gopher.word_count</c>).</summary>
    IReadOnlyList<RuleMeasure> Measure(string text);

    /// <summary>Keeps or drops the document; a rule that edits text returns the new text in <see cref="RuleResult.Text"/>.</summary>
    RuleResult Evaluate(string text);

    /// <summary>Applies the thresholds to previously stored measures (the threshold-only step); agrees with <see cref="Evaluate"/>.</summary>
    RuleResult Decide(IReadOnlyDictionary<string, double> measures);
}
