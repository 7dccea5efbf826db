using System.Globalization;
using Curation.Pipeline.Execution;
using Curation.Stages.Rephrase;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>Which documents are rewritten, what happens to the others, append mode and documents never started.</summary>
public class RephraseSelectionTests
{
    private static double Score(int n) => n % 100 / 100.0;

    private static int Parent(string id) => int.Parse(id[1..].Split('#')[0], CultureInfo.InvariantCulture);

    [Fact]
    public async Task ValueBand_RewritesOnlyDocumentsInTheBand_KeepsTheRestUnchanged_InInputOrder()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer();
        RephraseRuns.WriteShards(t.File("in"), shards: 1, docsPerShard: 200);
        var (result, dir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run"), server.BaseUrl,
            "        select: {key: quality_score, min: 0.2, max: 0.49}\n        unselected: keep"));

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));
        var outputs = RephraseRuns.Records(dir, OutputKinds.Data);
        Assert.Equal(Enumerable.Range(0, 200), outputs.Select(o => Parent(o.GetProperty("id").GetString()!)));
        foreach (var o in outputs)
        {
            var n = Parent(o.GetProperty("id").GetString()!);
            var selected = Score(n) is >= 0.2 and <= 0.49;
            Assert.Equal(selected ? "REWRITTEN " + RephraseRuns.Text(n) : RephraseRuns.Text(n), o.GetProperty("text").GetString());
            Assert.Equal(selected ? RephraseRuns.Id(n) : "", RephraseRuns.Meta(o, RephraseMetadata.ParentId));
            Assert.Equal(selected ? 1 : 0, server.RequestsFor(n));
        }
        Assert.Equal(60, server.TotalRequests);
    }

    [Fact]
    public async Task PercentileBand_AppendMode_UnselectedDropped_KeepsOriginalThenRewrite()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer();
        RephraseRuns.WriteShards(t.File("in"), shards: 2, docsPerShard: 200);
        var (result, dir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run"), server.BaseUrl,
            "        select: {key: quality_score, percentile_min: 90}\n        unselected: drop\n        mode: append"));

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));
        // Each shard holds every score twice; its 90th percentile is 0.891, so scores 0.90..0.99 are selected.
        var selected = Enumerable.Range(0, 400).Where(n => Score(n) >= 0.9).ToList();
        var outputs = RephraseRuns.Records(dir, OutputKinds.Data);
        var expectedIds = selected.SelectMany(n => new[] { RephraseRuns.Id(n), RephraseRuns.Id(n) + "#rewire" });
        Assert.Equal(expectedIds, outputs.Select(o => o.GetProperty("id").GetString()));
        var rejects = RephraseRuns.Records(dir, OutputKinds.Rejects);
        Assert.Equal(400 - selected.Count, rejects.Count);
        Assert.All(rejects, r => Assert.Equal(RephraseMetadata.NotSelected, RephraseRuns.Meta(r, "reject_reason")));
        Assert.Equal(selected.Count, server.TotalRequests);
    }

    [Fact]
    public async Task BudgetExhausted_FailsTheTaskByDefault_OrKeepsOriginalsWhenAsked()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer();
        RephraseRuns.WriteShards(t.File("in"), shards: 1, docsPerShard: 50);

        var (failed, failedDir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("fail"), server.BaseUrl, "        max_total_tokens: 1"));
        Assert.False(failed.Succeeded);
        Assert.Contains("budget_exhausted", failed.Failures.Single().Error, StringComparison.Ordinal);
        Assert.False(failedDir.IsComplete("rw", 0));

        var (kept, keptDir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("keep"), server.BaseUrl,
            "        max_total_tokens: 1\n        not_processed: keep"));
        Assert.True(kept.Succeeded);
        var outputs = RephraseRuns.Records(keptDir, OutputKinds.Data);
        Assert.Equal(Enumerable.Range(0, 50).Select(RephraseRuns.Text), outputs.Select(o => o.GetProperty("text").GetString()));
        var stats = RunStatus.StepStats(keptDir).Single().Stages.Single();
        Assert.Equal(50, stats.Counters["rephrase.not_processed"]);
        Assert.Equal(0, server.TotalRequests);
    }

    [Fact]
    public async Task NothingSelected_PassesEveryDocumentThroughUnchanged_WithoutARequest()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer();
        RephraseRuns.WriteShards(t.File("in"), shards: 1, docsPerShard: 30);
        var (result, dir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run"), server.BaseUrl,
            "        select: {key: quality_score, min: 5}"));
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));
        Assert.Equal(Enumerable.Range(0, 30).Select(RephraseRuns.Text), RephraseRuns.Records(dir, OutputKinds.Data).Select(o => o.GetProperty("text").GetString()));
        Assert.Equal(0, server.TotalRequests);
        var stats = RunStatus.StepStats(dir).Single().Stages.Single();
        Assert.Equal(30, stats.Counters["rephrase.unselected"]);
        Assert.Equal(0, stats.Counters["rephrase.selected"]);
    }
}
