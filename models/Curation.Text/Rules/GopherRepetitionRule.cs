using System.Globalization;
using Curation.Text.Internal;
using Curation.Text.Tokenization;

namespace Curation.Text.Rules;

/// <summary>
/// Gopher's repetition rules as datatrove implements them (GopherRepetitionFilter): duplicated paragraphs and
/// lines (by count and by character share), the character share of the most frequent 2/3/4-gram, and of
/// duplicated 5..10-grams. Reasons: <c>dup_para_frac</c>, <c>dup_para_char_frac</c>, <c>dup_line_frac</c>,
/// <c>dup_line_char_frac</c>, <c>top_{n}_gram</c>, <c>duplicated_{n}_n_grams</c>.
/// </summary>
public sealed class GopherRepetitionRule(GopherRepetitionOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>gopher_rep.dup_para_frac</c>.</summary>
    public const string DupParaFrac = "gopher_rep.dup_para_frac";
    /// <summary>The measure or counter named <c>gopher_rep.dup_para_char_frac</c>.</summary>
    public const string DupParaCharFrac = "gopher_rep.dup_para_char_frac";
    /// <summary>The measure or counter named <c>gopher_rep.dup_line_frac</c>.</summary>
    public const string DupLineFrac = "gopher_rep.dup_line_frac";
    /// <summary>The measure or counter named <c>gopher_rep.dup_line_char_frac</c>.</summary>
    public const string DupLineCharFrac = "gopher_rep.dup_line_char_frac";

    private readonly (int N, double Max, string Measure, string Reason)[] _top =
        options.TopNGrams.Select(t => (t.N, t.MaxFraction, TopGramMeasure(t.N), $"top_{t.N}_gram")).ToArray();

    private readonly (int N, double Max, string Measure, string Reason)[] _dup =
        options.DupNGrams.Select(t => (t.N, t.MaxFraction, DupGramMeasure(t.N), $"duplicated_{t.N}_n_grams")).ToArray();

    public GopherRepetitionRule() : this(new GopherRepetitionOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public GopherRepetitionOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "gopher_repetition";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Top gram measure.</summary>
    public static string TopGramMeasure(int n) => "gopher_rep.top_" + n.ToString(CultureInfo.InvariantCulture) + "_gram_char_frac";

    /// <summary>Dup gram measure.</summary>
    public static string DupGramMeasure(int n) => "gopher_rep.dup_" + n.ToString(CultureInfo.InvariantCulture) + "_gram_char_frac";

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text)
    {
        var result = new List<RuleMeasure>();
        Run(text, (name, value, _, _) => { result.Add(new RuleMeasure(name, value)); return false; });
        return result;
    }

    public RuleResult Evaluate(string text)
    {
        string? reason = null;
        Run(text, (_, value, limit, why) =>
        {
            if (limit is > 0 && value > limit) { reason = why; return true; }
            return false;
        });
        return reason is null ? RuleResult.Keep() : RuleResult.Drop(reason);
    }

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures)
    {
        var o = Options;
        (string, double?, string)[] checks =
        [
            (DupParaFrac, o.DupParaFrac, "dup_para_frac"), (DupParaCharFrac, o.DupParaCharFrac, "dup_para_char_frac"),
            (DupLineFrac, o.DupLineFrac, "dup_line_frac"), (DupLineCharFrac, o.DupLineCharFrac, "dup_line_char_frac"),
            .. _top.Select(t => (t.Measure, (double?)t.Max, t.Reason)),
            .. _dup.Select(t => (t.Measure, (double?)t.Max, t.Reason)),
        ];
        foreach (var (name, limit, reason) in checks)
        {
            if (limit is > 0 && MeasureReader.Get(measures, name) > limit) return RuleResult.Drop(reason);
        }
        return RuleResult.Keep();
    }

    // Produces each measure in datatrove's order; 'sink' returns true to stop early (Evaluate's short-circuit).
    private void Run(string text, Func<string, double, double?, string, bool> sink)
    {
        var o = Options;
        var stats = RepetitionStatistics.ForThread();
        var span = text.AsSpan();
        double length = PythonText.CodePointLength(span);
        double Share(long chars) => length == 0 ? 0 : chars / length;

        var parts = new List<Range>();
        var stripped = PythonText.Strip(span);
        int offset = span.Length - PythonText.LeftStrip(span).Length;
        PythonText.SplitOnNewlineRuns(stripped, 2, parts);
        for (int i = 0; i < parts.Count; i++)
        {
            parts[i] = new Range(parts[i].Start.Value + offset, parts[i].End.Value + offset);
        }
        var (paraDups, paraChars) = stats.FindDuplicates(text, parts);
        if (sink(DupParaFrac, (double)paraDups / parts.Count, o.DupParaFrac, "dup_para_frac")) return;
        if (sink(DupParaCharFrac, Share(paraChars), o.DupParaCharFrac, "dup_para_char_frac")) return;

        parts.Clear();
        PythonText.SplitOnNewlineRuns(span, 1, parts);
        var (lineDups, lineChars) = stats.FindDuplicates(text, parts);
        if (sink(DupLineFrac, (double)lineDups / parts.Count, o.DupLineFrac, "dup_line_frac")) return;
        if (sink(DupLineCharFrac, Share(lineChars), o.DupLineCharFrac, "dup_line_char_frac")) return;

        var words = WordCache.WordsOf(text);
        stats.LoadWords(text, words);
        foreach (var (n, frac, measure, reason) in _top)
        {
            if (sink(measure, Share(stats.TopNGramChars(n)), frac, reason)) return;
        }
        foreach (var (n, frac, measure, reason) in _dup)
        {
            if (sink(measure, Share(stats.DuplicatedNGramChars(n)), frac, reason)) return;
        }
    }
}
