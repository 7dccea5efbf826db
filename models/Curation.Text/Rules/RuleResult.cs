namespace Curation.Text.Rules;

/// <summary>
/// The outcome of a rule on one document: keep or drop (with datatrove's reason string), optionally the edited
/// text, and counters for stats (lines removed per reason, placeholders inserted, ...).
/// </summary>
public sealed class RuleResult
{
    private static readonly RuleResult KeptUnchanged = new(true, null, null, []);

    private RuleResult(bool keep, string? reason, string? text, IReadOnlyList<RuleMeasure> counters)
    {
        Kept = keep;
        Reason = reason;
        Text = text;
        Counters = counters;
    }

    /// <summary>True when the document stays.</summary>
    public bool Kept { get; }

    /// <summary>The drop reason (e.g. <c>gopher_short_doc</c>, <c>top_2_gram</c>); null when kept.</summary>
    public string? Reason { get; }

    /// <summary>The edited text when the rule changed it; null when the text is unchanged.</summary>
    public string? Text { get; }

    /// <summary>Counters for stats, e.g. <c>c4.lines_removed.javascript</c>; empty when there is nothing to count.</summary>
    public IReadOnlyList<RuleMeasure> Counters { get; }

    /// <summary>The document stays unchanged.</summary>
    public static RuleResult Keep() => KeptUnchanged;

    /// <summary>The document stays, possibly with new text and counters.</summary>
    public static RuleResult Keep(string? newText, IReadOnlyList<RuleMeasure>? counters = null) =>
        new(true, null, newText, counters ?? []);

    /// <summary>The document is dropped for <paramref name="reason"/>.</summary>
    public static RuleResult Drop(string reason, IReadOnlyList<RuleMeasure>? counters = null) =>
        new(false, reason, null, counters ?? []);

    /// <inheritdoc />
    public override string ToString() => Kept ? (Text is null ? "keep" : "keep (edited)") : $"drop: {Reason}";
}
