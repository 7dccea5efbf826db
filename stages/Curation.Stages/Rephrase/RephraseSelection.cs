using Curation.Pipeline.Documents;

namespace Curation.Stages.Rephrase;

/// <summary>A resolved selection band on one numeric metadata key: inclusive bounds, null meaning open.</summary>
public sealed record RephraseSelection(string? Key, double? Min, double? Max)
{
    /// <summary>Selects every document.</summary>
    public static RephraseSelection All { get; } = new(null, null, null);

    /// <summary>True when <paramref name="document"/> is to be rewritten.</summary>
    public bool Selects(Document document)
    {
        if (Key is null) return true;
        if (document.Metadata.GetDouble(Key) is not { } v || double.IsNaN(v)) return false;
        return (Min is null || v >= Min) && (Max is null || v <= Max);
    }

    /// <summary>A band with absolute bounds (no buffering needed).</summary>
    public static RephraseSelection FromValues(RephraseSelectionConfig config) => new(config.Key, config.Min, config.Max);

    /// <summary>
    /// A band whose bounds are percentiles of <paramref name="documents"/>' values of the key (linear interpolation
    /// between order statistics, numpy's default), so <c>percentile_min: 90</c> picks the task's top 10%.
    /// </summary>
    public static RephraseSelection FromPercentiles(RephraseSelectionConfig config, IReadOnlyList<Document> documents)
    {
        var values = documents.Select(d => d.Metadata.GetDouble(config.Key)).Where(v => v is { } x && !double.IsNaN(x)).Select(v => v!.Value).ToArray();
        if (values.Length == 0) return new RephraseSelection(config.Key, double.PositiveInfinity, double.NegativeInfinity);
        Array.Sort(values);
        return new RephraseSelection(config.Key,
            config.PercentileMin is { } lo ? Percentile(values, lo) : null,
            config.PercentileMax is { } hi ? Percentile(values, hi) : null);
    }

    /// <summary>The <paramref name="percent"/>th percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100.0 * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var fraction = position - below;
        return fraction == 0 ? sorted[below] : sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }
}
