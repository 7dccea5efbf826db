namespace Curation.Text.Rules;

/// <summary>
/// Runs rules in order as a datatrove pipeline does: each rule sees the text the previous one left, and the
/// first drop ends the chain. Rules that read the URL get <c>url</c> (a document without one passes them).
/// </summary>
public sealed class RuleChain(IReadOnlyList<IDocumentRule> rules)
{
    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<IDocumentRule> Rules { get; } = rules;

    /// <summary>Applies the chain to one document.</summary>
    public ChainResult Run(string text, string? url = null)
    {
        string current = text;
        List<RuleMeasure>? counters = null;
        foreach (var rule in Rules)
        {
            RuleResult r;
            if (rule.Input == RuleInput.Url)
            {
                if (url is null) continue;
                r = rule.Evaluate(url);
            }
            else r = rule.Evaluate(current);
            if (r.Counters.Count > 0) (counters ??= []).AddRange(r.Counters);
            if (!r.Kept) return new ChainResult(false, rule.Id, r.Reason, current, counters ?? []);
            if (rule.Input == RuleInput.Text && r.Text is not null) current = r.Text;
        }
        return new ChainResult(true, null, null, current, counters ?? []);
    }
}

/// <summary>The outcome of a <see cref="RuleChain"/>: kept with the final text, or the dropping rule and its reason (with the text it saw).</summary>
public sealed record ChainResult(bool Kept, string? RuleId, string? Reason, string Text, IReadOnlyList<RuleMeasure> Counters);
