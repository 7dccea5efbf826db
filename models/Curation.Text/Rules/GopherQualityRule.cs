using Curation.Text.Tokenization;

namespace Curation.Text.Rules;

/// <summary>
/// Gopher's quality heuristics as datatrove implements them (GopherQualityFilter): word count and mean word
/// length over non-symbol words, '#' and ellipsis ratios, bullet and ellipsis line shares, share of words with a
/// letter, and stop-word presence. Reasons: <c>gopher_short_doc</c>, <c>gopher_long_doc</c>, ... in datatrove's order.
/// </summary>
public sealed class GopherQualityRule(GopherQualityOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>gopher.word_count</c>.</summary>
    public const string WordCount = "gopher.word_count";
    /// <summary>The measure or counter named <c>gopher.mean_word_length</c>.</summary>
    public const string MeanWordLength = "gopher.mean_word_length";
    /// <summary>The measure or counter named <c>gopher.hash_ratio</c>.</summary>
    public const string HashRatio = "gopher.hash_ratio";
    /// <summary>The measure or counter named <c>gopher.ellipsis_ratio</c>.</summary>
    public const string EllipsisRatio = "gopher.ellipsis_ratio";
    /// <summary>The measure or counter named <c>gopher.bullet_lines_ratio</c>.</summary>
    public const string BulletLinesRatio = "gopher.bullet_lines_ratio";
    /// <summary>The measure or counter named <c>gopher.ellipsis_lines_ratio</c>.</summary>
    public const string EllipsisLinesRatio = "gopher.ellipsis_lines_ratio";
    /// <summary>The measure or counter named <c>gopher.alpha_words_ratio</c>.</summary>
    public const string AlphaWordsRatio = "gopher.alpha_words_ratio";
    /// <summary>The measure or counter named <c>gopher.stop_words</c>.</summary>
    public const string StopWordCount = "gopher.stop_words";

    private readonly HashSet<string> _stopWords = new(options.StopWords, StringComparer.Ordinal);

    public GopherQualityRule() : this(new GopherQualityOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public GopherQualityOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "gopher_quality";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text)
    {
        var m = Compute(text);
        return
        [
            new(WordCount, m.NonSymbolWords), new(MeanWordLength, m.MeanWordLength), new(HashRatio, m.HashRatio),
            new(EllipsisRatio, m.EllipsisRatio), new(BulletLinesRatio, m.BulletLinesRatio),
            new(EllipsisLinesRatio, m.EllipsisLinesRatio), new(AlphaWordsRatio, m.AlphaWordsRatio), new(StopWordCount, m.StopWords),
        ];
    }

    public RuleResult Evaluate(string text) => Decide(Compute(text));

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) => Decide(new Measures(
        MeasureReader.Get(measures, WordCount), MeasureReader.Get(measures, MeanWordLength),
        MeasureReader.Get(measures, HashRatio), MeasureReader.Get(measures, EllipsisRatio),
        MeasureReader.Get(measures, BulletLinesRatio), MeasureReader.Get(measures, EllipsisLinesRatio),
        MeasureReader.Get(measures, AlphaWordsRatio), MeasureReader.Get(measures, StopWordCount)));

    private RuleResult Decide(in Measures m)
    {
        var o = Options;
        if (o.MinDocWords is > 0 and var min && m.NonSymbolWords < min) return RuleResult.Drop("gopher_short_doc");
        if (o.MaxDocWords is > 0 and var max && m.NonSymbolWords > max) return RuleResult.Drop("gopher_long_doc");
        // NaN (no non-symbol words) fails neither comparison, as numpy's mean of an empty list does in datatrove.
        if (o.MinAvgWordLength is > 0 and var minLen && m.MeanWordLength < minLen) return RuleResult.Drop("gopher_below_avg_threshold");
        if (o.MaxAvgWordLength is > 0 and var maxLen && m.MeanWordLength > maxLen) return RuleResult.Drop("gopher_above_avg_threshold");
        if (o.MaxSymbolWordRatio is > 0 and var sym)
        {
            if (m.HashRatio > sym) return RuleResult.Drop("gopher_too_many_hashes");
            if (m.EllipsisRatio > sym) return RuleResult.Drop("gopher_too_many_ellipsis");
        }
        if (o.MaxBulletLinesRatio is > 0 and var bullets && m.BulletLinesRatio > bullets) return RuleResult.Drop("gopher_too_many_bullets");
        if (o.MaxEllipsisLinesRatio is > 0 and var ell && m.EllipsisLinesRatio > ell) return RuleResult.Drop("gopher_too_many_end_ellipsis");
        if (o.MaxNonAlphaWordsRatio is > 0 and var alpha && m.AlphaWordsRatio < alpha) return RuleResult.Drop("gopher_below_alpha_threshold");
        if (o.MinStopWords is > 0 and var stops && m.StopWords < stops) return RuleResult.Drop("gopher_enough_stop_words");
        return RuleResult.Keep();
    }

    private Measures Compute(string text)
    {
        var words = WordCache.WordsOf(text);
        var span = text.AsSpan();
        int nonSymbol = 0, alphaWords = 0;
        long nonSymbolLength = 0;
        var stopLookup = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        HashSet<string>? seenStops = null;
        foreach (var token in words)
        {
            var w = token.Of(span);
            if (!DatatroveCharacters.IsSymbolWord(w))
            {
                nonSymbol++;
                nonSymbolLength += PythonText.CodePointLength(w);
            }
            if (PythonText.ContainsAlpha(w)) alphaWords++;
            if (stopLookup.TryGetValue(w, out var stop))
            {
                seenStops ??= new HashSet<string>(StringComparer.Ordinal);
                seenStops.Add(stop);
            }
        }
        int n = words.Count;
        double perWord(int count) => n == 0 ? (count > 0 ? double.PositiveInfinity : double.NaN) : (double)count / n;

        int bullets = 0, ellipsisLines = 0, lineCount = 0;
        var lines = new List<Range>();
        PythonText.SplitLines(span, lines);
        foreach (var r in lines)
        {
            var line = span[r];
            lineCount++;
            var left = PythonText.LeftStrip(line);
            if (left.Length > 0 && (left[0] == '•' || left[0] == '-')) bullets++;
            var right = PythonText.RightStrip(line);
            if (right.EndsWith("...", StringComparison.Ordinal) || right.EndsWith("…", StringComparison.Ordinal)) ellipsisLines++;
        }

        return new Measures(
            nonSymbol,
            nonSymbol == 0 ? double.NaN : (double)nonSymbolLength / nonSymbol,
            perWord(PythonText.CountOccurrences(span, "#")),
            perWord(PythonText.CountOccurrences(span, "...") + PythonText.CountOccurrences(span, "…")),
            lineCount == 0 ? 0 : (double)bullets / lineCount,
            lineCount == 0 ? 0 : (double)ellipsisLines / lineCount,
            n == 0 ? 0 : (double)alphaWords / n,
            seenStops?.Count ?? 0);
    }

    private readonly record struct Measures(
        double NonSymbolWords, double MeanWordLength, double HashRatio, double EllipsisRatio,
        double BulletLinesRatio, double EllipsisLinesRatio, double AlphaWordsRatio, double StopWords);
}
