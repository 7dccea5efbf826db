using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Quality;

/// <summary>
/// <c>filter.quality_threshold</c>: keeps documents whose metadata score is ≥ a threshold (and ≤ an optional
/// maximum). The score histogram it observes carries the threshold, so the report draws the cut.
/// </summary>
public sealed class QualityThresholdFilter(QualityThresholdOptions options, string id) : FilterStage
{
    public override string Id => id;

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        if (document.Metadata.GetDouble(options.Key) is not { } score || double.IsNaN(score))
            return options.KeepMissing ? FilterResult.Kept : FilterResult.Drop($"missing_{options.Key}");
        context.Stats.Observe(options.Key, score, 0, 1, 50);
        context.Stats.Histograms[options.Key].Threshold = options.Threshold;
        if (score < options.Threshold) return FilterResult.Drop($"{options.Key}_below_threshold");
        if (options.Max is { } max && score > max) return FilterResult.Drop($"{options.Key}_above_max");
        return FilterResult.Kept;
    }
}
