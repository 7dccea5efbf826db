using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Quality;

/// <summary>
/// The filter of a <c>quality.percentile</c> step: keeps documents whose score cell is ≥ the merged threshold,
/// read once per task from the threshold step's committed file (per task, not per process, so a run started again
/// with --overwrite in the same process never sees a stale threshold).
/// </summary>
public sealed class PercentileFilterStage(PercentileOptions options, string stepId) : FilterStage
{
    private readonly ConditionalWeakTable<StageContext, PercentileThreshold> _thresholds = [];
    private readonly ScoreGrid _grid = new(options.Resolution);

    public override string Id => "filter.percentile";

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        var t = _thresholds.GetValue(context, c => PercentileThreshold.Read(PercentileThresholdStep.ThresholdPath(new RunDirectory(c.Task.RunDirectory), stepId)));
        if (document.Metadata.GetDouble(options.Key) is not { } score || double.IsNaN(score))
            return options.KeepMissing ? FilterResult.Kept : FilterResult.Drop($"missing_{options.Key}");
        context.Stats.Observe(options.Key, score, 0, 1, 50);
        if (!double.IsInfinity(t.Score)) context.Stats.Histograms[options.Key].Threshold = t.Score;
        return _grid.Cell(score) >= t.Cell ? FilterResult.Kept : FilterResult.Drop($"{options.Key}_below_top_{Percent(options.KeepTop)}");
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "pct";
}
