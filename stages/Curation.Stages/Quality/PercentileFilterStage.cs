using System.Collections.Concurrent;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Quality;

/// <summary>
/// The filter of a <c>quality.percentile</c> step: keeps documents whose score cell is ≥ the merged threshold,
/// read once per run directory from the threshold step's committed file.
/// </summary>
public sealed class PercentileFilterStage(PercentileOptions options, string stepId) : FilterStage
{
    private readonly ConcurrentDictionary<string, Lazy<PercentileThreshold>> _thresholds = new(StringComparer.Ordinal);
    private readonly ScoreGrid _grid = new(options.Resolution);

    public override string Id => "filter.percentile";

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        var t = _thresholds.GetOrAdd(context.Task.RunDirectory, dir => new Lazy<PercentileThreshold>(
            () => PercentileThreshold.Read(PercentileThresholdStep.ThresholdPath(new RunDirectory(dir), stepId)))).Value;
        if (document.Metadata.GetDouble(options.Key) is not { } score || double.IsNaN(score))
            return options.KeepMissing ? FilterResult.Kept : FilterResult.Drop($"missing_{options.Key}");
        context.Stats.Observe(options.Key, score, 0, 1, 50);
        if (!double.IsInfinity(t.Score)) context.Stats.Histograms[options.Key].Threshold = t.Score;
        return _grid.Cell(score) >= t.Cell ? FilterResult.Kept : FilterResult.Drop($"{options.Key}_below_top_{Percent(options.KeepTop)}");
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "pct";
}
