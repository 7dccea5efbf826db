using System.Globalization;
using System.Text.Json;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stages;
using Curation.Rephrase.Runner;
using Curation.Stages.Report;

namespace Curation.Stages.Rephrase;

/// <summary>
/// The report chart of a rephrase stage: every task leaves its counters in <c>rephrase/&lt;step&gt;/&lt;stage&gt;/&lt;rank&gt;.json</c>
/// and rewrites the step's chart from all of them under a file lock, so the last task to finish leaves the totals.
/// </summary>
public static class RephraseReport
{
    /// <summary>Stores this task's counters and refreshes the step's usage and failure chart.</summary>
    public static void Record(StageContext context, RephraseStatsSnapshot snapshot, long selected, long unselected)
    {
        var run = new RunDirectory(context.Task.RunDirectory);
        var dir = Path.Combine(run.Root, "rephrase", context.Task.StepId, context.StageId);
        Directory.CreateDirectory(dir);
        var own = new TaskUsage(selected, unselected, snapshot);
        using var gate = AcquireLock(Path.Combine(dir, ".lock"));
        JsonFiles.WriteAtomic(Path.Combine(dir, RunDirectory.RankName(context.Task.Rank) + ".json"), own);
        var all = Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<TaskUsage>(File.ReadAllText(f), JsonFiles.Options)!)
            .ToList();
        ReportSidecars.Write(run, context.Task.StepId, context.StageId, Chart(context.StageId, all));
    }

    /// <summary>The chart of the merged counters of <paramref name="tasks"/>.</summary>
    public static ChartSpec Chart(string stageId, IReadOnlyList<TaskUsage> tasks)
    {
        var failures = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var retries = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tasks)
        {
            foreach (var (k, v) in t.Stats.FailuresByReason) failures[k] = failures.GetValueOrDefault(k) + v;
            foreach (var (k, v) in t.Stats.RetriesByCause) retries[k] = retries.GetValueOrDefault(k) + v;
        }
        long Sum(Func<TaskUsage, long> f) => tasks.Sum(f);
        var selected = Sum(t => t.Selected);
        var rewritten = Sum(t => t.Stats.Rewritten);
        var failed = Sum(t => t.Stats.Failed);
        var inv = CultureInfo.InvariantCulture;
        var share = selected == 0 ? 0 : 100.0 * rewritten / selected;
        return new ChartSpec
        {
            Section = "Rephrasing",
            Title = string.Create(inv, $"{stageId}: {rewritten:N0} of {selected:N0} selected documents rewritten ({share:F1}%), {failed:N0} failed"),
            Kind = ChartKind.Bars,
            XLabel = "documents",
            YLabel = "failure reason",
            Labels = failures.Count == 0 ? ["none"] : [.. failures.Keys],
            Series = [new ChartSeries("failed documents", [], failures.Count == 0 ? [0] : [.. failures.Values.Select(v => (double)v)])],
            Facts = new Dictionary<string, string>
            {
                ["tasks"] = tasks.Count.ToString(inv),
                ["selected"] = selected.ToString("N0", inv),
                ["not selected"] = Sum(t => t.Unselected).ToString("N0", inv),
                ["requests"] = Sum(t => t.Stats.Requests).ToString("N0", inv),
                ["retries"] = retries.Values.Sum().ToString("N0", inv),
                ["cache hits"] = Sum(t => t.Stats.CacheHits).ToString("N0", inv),
                ["prompt tokens"] = Sum(t => t.Stats.PromptTokens).ToString("N0", inv),
                ["completion tokens"] = Sum(t => t.Stats.CompletionTokens).ToString("N0", inv),
                ["not processed"] = Sum(t => t.Stats.NotProcessed).ToString("N0", inv),
            },
            Table = [["retry cause", "retries"], .. retries.Select(kv => new[] { kv.Key, kv.Value.ToString(inv) })],
        };
    }

    // flock-backed on Unix: exclusive across tasks of this process and across processes on one machine.
    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>One task's counters as stored beside the chart.</summary>
    public sealed record TaskUsage(long Selected, long Unselected, RephraseStatsSnapshot Stats);
}
