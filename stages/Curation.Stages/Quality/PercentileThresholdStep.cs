using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Quality;

/// <summary>
/// <c>&lt;id&gt;.threshold</c>: one task; merges every rank's score counts and writes the exact threshold on the
/// score grid (<see cref="PercentileThreshold"/>) to <c>threshold/&lt;id&gt;.threshold/00000.json</c>.
/// </summary>
public sealed class PercentileThresholdStep(StepConfig config, PercentileOptions options) : IStep
{
    /// <summary>The kind of the threshold file in completion records (its folder in the run directory).</summary>
    public const string ThresholdKind = "threshold";

    public string Id => config.Id + ".threshold";

    public string Kind => "quality.percentile.threshold";

    public string CountsStep => config.Id + ".counts";

    public IReadOnlyList<string> DependsOn => [CountsStep];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(1);

    /// <summary>Where the committed threshold of step <paramref name="stepId"/> lives in a run directory.</summary>
    public static string ThresholdPath(RunDirectory run, string stepId) =>
        Path.Combine(run.KindDir(stepId + ".threshold", ThresholdKind), RunDirectory.RankName(0) + ".json");

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var merged = new ScoreCounts();
        foreach (var rec in rt.Upstream[CountsStep])
        {
            foreach (var o in rec.Outputs.Where(o => o.Kind == PercentileCountStep.CountsKind))
                merged.Merge(ScoreCounts.Read(rt.Run.Absolute(o.Path)));
        }
        var t = PercentileThreshold.Compute(merged, options);
        rt.Log.WriteLine($"percentile: {t.Total} scored, {t.Missing} without score; keep top {t.KeepTop:P3} = {t.Target} → score ≥ {t.Score:R} keeps {t.Kept}");
        var path = rt.Outputs.PathFor(ThresholdKind, rt.Outputs.Prefix + ".json");
        t.Write(path);
        rt.Outputs.Add(ThresholdKind, path, 1);
        rt.Stats.Counters["percentile.scored"] = t.Total;
        rt.Stats.Counters["percentile.target"] = t.Target;
        rt.Stats.Counters["percentile.kept"] = t.Kept;
        return Task.CompletedTask;
    }
}
