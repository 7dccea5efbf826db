using System.Globalization;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Filters;

/// <summary>
/// The layout of the report's histogram for each key measure (range and bins) and the option holding its
/// threshold, so the chart draws the line the rule cuts at. Measures not listed here are not charted.
/// </summary>
public static class MeasureHistograms
{
    private sealed record Layout(double Min, double Max, int Bins, string? Option, double? Default);

    private static readonly Dictionary<string, Layout> Layouts = new(StringComparer.Ordinal)
    {
        ["gopher.word_count"] = new(0, 2000, 100, "min_doc_words", 50),
        ["gopher.mean_word_length"] = new(0, 15, 60, "min_avg_word_length", 3),
        ["gopher.hash_ratio"] = new(0, 1, 100, "max_symbol_word_ratio", 0.1),
        ["gopher.alpha_words_ratio"] = new(0, 1, 100, "max_non_alpha_words_ratio", 0.8),
        ["gopher.stop_words"] = new(0, 50, 50, "min_stop_words", 2),
        ["gopher_rep.dup_line_frac"] = new(0, 1, 100, "dup_line_frac", 0.3),
        ["gopher_rep.dup_para_frac"] = new(0, 1, 100, "dup_para_frac", 0.3),
        ["gopher_rep.top_2_gram_char_frac"] = new(0, 1, 100, null, 0.2),
        ["gopher_rep.dup_10_gram_char_frac"] = new(0, 1, 100, null, 0.1),
        ["c4.sentences"] = new(0, 50, 50, "min_num_sentences", 5),
        ["c4_paragraph.long_paragraphs"] = new(0, 20, 20, "min_paragraphs", 3),
        ["fineweb.line_punct_ratio"] = new(0, 1, 100, "line_punct_thr", 0.12),
        ["fineweb.short_line_ratio"] = new(0, 1, 100, "short_line_thr", 0.67),
        ["fineweb.char_dup_ratio"] = new(0, 1, 100, "char_duplicates_ratio", 0.01),
        ["fineweb.new_line_ratio"] = new(0, 1, 100, "new_line_ratio", 0.3),
    };

    /// <summary>Whether a measure has a chart layout.</summary>
    public static bool IsCharted(string measure) => Layouts.ContainsKey(measure);

    /// <summary>Adds one value to the measure's histogram (if charted), setting the threshold line from the rule's options.</summary>
    public static void Observe(StageStats stats, string measure, double value, IReadOnlyDictionary<string, object?> ruleOptions)
    {
        if (!Layouts.TryGetValue(measure, out var layout)) return;
        stats.Observe(measure, value, layout.Min, layout.Max, layout.Bins);
        if (stats.Histograms.TryGetValue(measure, out var h) && h.Threshold is null) h.Threshold = Threshold(layout, ruleOptions);
    }

    private static double? Threshold(Layout layout, IReadOnlyDictionary<string, object?> options)
    {
        if (layout.Option is null || !options.TryGetValue(layout.Option, out var v)) return layout.Default;
        return v is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
