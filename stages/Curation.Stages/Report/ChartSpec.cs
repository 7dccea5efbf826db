namespace Curation.Stages.Report;

/// <summary>The kinds of chart the report draws.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars, one per label (drop reasons, domains, weights).</summary>
    Bars,
    /// <summary>Vertical bars over equal-width bins, with an optional threshold line.</summary>
    Histogram,
    /// <summary>Lines over x (loss curves).</summary>
    Lines,
    /// <summary>Points with a y = x reference line (predicted vs actual).</summary>
    Scatter,
}

/// <summary>One named series of a chart. For bars and histograms only <see cref="Y"/> matters (with <see cref="Labels"/>).</summary>
public sealed record ChartSeries(string Name, double[] X, double[] Y);

/// <summary>
/// A chart a step contributes to the run report, written as <c>report/&lt;step&gt;/&lt;name&gt;.json</c>. The title
/// should state the finding ("3.1% of documents are near-duplicates"), axes carry units.
/// </summary>
public sealed record ChartSpec
{
    public string Section { get; init; } = "";
    public string Title { get; init; } = "";
    public ChartKind Kind { get; init; }
    public string XLabel { get; init; } = "";
    public string YLabel { get; init; } = "";
    public string[] Labels { get; init; } = [];
    public List<ChartSeries> Series { get; init; } = [];
    /// <summary>A vertical threshold line (histograms) at this x.</summary>
    public double? Threshold { get; init; }
    /// <summary>Small facts shown under the chart (name → formatted value).</summary>
    public Dictionary<string, string> Facts { get; init; } = [];
    /// <summary>Optional table rows shown under the chart (first row is the header).</summary>
    public List<string[]> Table { get; init; } = [];
}
