using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Quality;

/// <summary>
/// <c>&lt;id&gt;.counts</c>: one task per input shard (as the filter step will have); each rank reads its documents
/// and writes the sparse counts of their score cells (<see cref="ScoreCounts"/>), mergeable in any order.
/// </summary>
public sealed class PercentileCountStep(StepConfig config, PercentileOptions options, FormatRegistry formats) : IStep
{
    /// <summary>The kind of the counts files in completion records.</summary>
    public const string CountsKind = "score_counts";

    public string Id => config.Id + ".counts";

    public string Kind => "quality.percentile.counts";

    public IReadOnlyList<string> DependsOn => config.DependsOn.Union(config.Input!.From).ToList();

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => TaskDocuments.Plan(Id, config.Id, config.Input!, context, formats, errors);

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        // Malformed records are only counted here: the filter step reads the same files and quarantines them.
        var skipped = new CountingQuarantine();
        var grid = new ScoreGrid(options.Resolution);
        var counts = new ScoreCounts();
        long n = 0;
        foreach (var doc in TaskDocuments.Read(rt, config.Input!, formats, skipped, ct))
        {
            if (doc.Metadata.GetDouble(options.Key) is { } s && !double.IsNaN(s)) counts.Add(grid.Cell(s));
            else counts.Missing++;
            if ((++n & 4095) == 0) rt.ReportProgress(n);
        }
        rt.ReportProgress(n);
        var path = rt.Outputs.PathFor(CountsKind, rt.Outputs.Prefix + ".counts.bin");
        counts.Write(path);
        rt.Outputs.Add(CountsKind, path, counts.Cells.Count);
        rt.Stats.Counters["percentile.scored"] = counts.Total;
        rt.Stats.Counters["percentile.missing"] = counts.Missing;
        rt.Stats.Counters["percentile.malformed_skipped"] = skipped.Records;
        return Task.CompletedTask;
    }

    private sealed class CountingQuarantine : IQuarantine
    {
        public long Records { get; private set; }

        public void Add(MalformedRecord record) => Records++;
    }
}
