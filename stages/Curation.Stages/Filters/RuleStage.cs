using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;
using Curation.Text.Registry;
using Curation.Text.Rules;

namespace Curation.Stages.Filters;

/// <summary>
/// Runs one <see cref="IDocumentRule"/> over documents: filters (drops go to rejects with the rule's reason),
/// line removers and mappers (the edited text replaces the document's), annotation (measures into metadata) or
/// the threshold-only decision on stored measures. The rule is chosen per document by its language.
/// </summary>
public sealed class RuleStage : IStage
{
    private readonly RuleStageOptions _options;
    private readonly Dictionary<string, object?> _ruleOptions;
    private readonly LanguageRules _rules;
    private readonly RuleStageMode _mode;
    private readonly bool _histograms;
    private readonly HashSet<string> _measureNames;

    /// <summary>Builds the rule (throws <see cref="ArgumentException"/> for unknown rule options, reported as a config error).</summary>
    public RuleStage(string ruleId, RuleStageOptions options, string id, RuleStageMode mode)
    {
        RuleId = ruleId;
        Id = id;
        _options = options;
        _mode = mode;
        _ruleOptions = RuleOptionValues.From(options.RuleOptions);
        _rules = RuleRegistry.CreateForLanguages(ruleId, _ruleOptions);
        _histograms = options.Histograms ?? mode != RuleStageMode.Filter;
        // The names this rule measures, so the decide mode charts its own measures and not other rules' annotations.
        _measureNames = new HashSet<string>(_rules.Default.Measure("A sample line of text.\nAnother line.").Select(m => m.Name), StringComparer.Ordinal);
    }

    public string Id { get; }

    /// <summary>The rule's registry id (<c>gopher_quality</c>...).</summary>
    public string RuleId { get; }

    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var doc in input.WithCancellation(cancellationToken))
        {
            var rule = _rules.For(Language(doc));
            var subject = rule.Input == RuleInput.Url ? doc.Metadata.GetString(_options.UrlKey) : doc.Text;
            if (subject is null && _mode != RuleStageMode.Decide)
            {
                // Without a URL the URL rule has nothing to judge: keep the document and say how often it happened.
                context.Stats.Count($"{RuleId}.missing_{_options.UrlKey}");
                yield return doc;
                continue;
            }
            var (result, kept) = _mode switch
            {
                RuleStageMode.Annotate => (null, Annotate(doc, rule, subject!, context)),
                RuleStageMode.Decide => Decide(doc, rule, context),
                _ => Filter(doc, rule, subject!, context),
            };
            if (kept is not null)
            {
                yield return kept;
                continue;
            }
            var reason = result?.Reason ?? RuleId;
            context.Stats.Drop(reason);
            context.Rejects.Reject(doc, context.StageId, reason);
        }
    }

    private (RuleResult?, Document?) Filter(Document doc, IDocumentRule rule, string subject, StageContext context)
    {
        var r = rule.Evaluate(subject);
        Count(r, context);
        if (_histograms) Observe(rule.Measure(subject), context);
        if (!r.Kept) return (r, null);
        return (r, r.Text is null || rule.Input != RuleInput.Text || ReferenceEquals(r.Text, doc.Text) ? doc : doc with { Text = r.Text });
    }

    private Document Annotate(Document doc, IDocumentRule rule, string subject, StageContext context)
    {
        var measures = rule.Measure(subject);
        if (_histograms) Observe(measures, context);
        return doc with { Metadata = doc.Metadata.With(measures.Select(m => new KeyValuePair<string, MetaValue>(m.Name, AsMeta(m.Value)))) };
    }

    private (RuleResult?, Document?) Decide(Document doc, IDocumentRule rule, StageContext context)
    {
        var stored = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in doc.Metadata)
            if (v.IsNumber) stored[k] = v.AsDouble;
        RuleResult r;
        try
        {
            r = rule.Decide(stored);
        }
        catch (KeyNotFoundException e)
        {
            throw new InvalidDataException($"document '{doc.Id}' ({doc.Source}): {e.Message} (mode: annotate with rule {RuleId})", e);
        }
        Count(r, context);
        if (_histograms)
        {
            foreach (var (k, v) in stored)
                if (_measureNames.Contains(k)) MeasureHistograms.Observe(context.Stats, k, v, _ruleOptions);
        }
        return r.Kept ? (r, doc) : (r, null);
    }

    private static void Count(RuleResult r, StageContext context)
    {
        foreach (var c in r.Counters)
            if (c.Value != 0) context.Stats.Count(c.Name, (long)Math.Round(c.Value));
    }

    private void Observe(IReadOnlyList<RuleMeasure> measures, StageContext context)
    {
        foreach (var m in measures) MeasureHistograms.Observe(context.Stats, m.Name, m.Value, _ruleOptions);
    }

    /// <summary>Whole numbers are stored as integers so annotated JSON reads naturally (<c>"gopher.word_count": 212</c>).</summary>
    private static MetaValue AsMeta(double v) =>
        Math.Abs(v) < 1e15 && Math.Floor(v) == v ? MetaValue.From((long)v) : MetaValue.From(v);

    private string? Language(Document doc)
    {
        if (_options.LanguageKey is { } key) return doc.Metadata.GetString(key);
        return doc.Metadata.GetString("language") ?? doc.Metadata.GetString("lang");
    }
}
