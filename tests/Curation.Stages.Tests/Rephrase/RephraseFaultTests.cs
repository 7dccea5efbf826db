using System.Text;
using Curation.Pipeline.Execution;
using Curation.Stages.Rephrase;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>The rephrase stage through the pipeline against a real local HTTP server that injects faults.</summary>
public class RephraseFaultTests
{
    // One document in five is faulty: a quarter of those fail for good (content filter), a quarter answer without
    // the output tags, the rest fail transiently (500s, 429s, resets) before answering.
    private static LlmFault Plan(int doc, int attempt) => (doc % 20) switch
    {
        0 => LlmFault.ContentFilter,
        5 => LlmFault.MissingTags,
        10 => attempt <= 2 ? LlmFault.Status500 : LlmFault.None,
        15 => attempt switch { 1 => LlmFault.RateLimited, 2 => LlmFault.Reset, _ => LlmFault.None },
        _ => LlmFault.None,
    };

    [Fact]
    public async Task ThousandDocuments_TwentyPercentFaults_EveryDocumentRewrittenOrRejected_NoneLostOrDuplicated_KeyNeverWritten()
    {
        using var t = new TempDir();
        const string keyVariable = "CURATION_REPHRASE_FAULT_TEST_KEY";
        const string key = "sk-test-Zq81pLr0c4Vv9SECRETk3y";
        Environment.SetEnvironmentVariable(keyVariable, key);
        using var server = new FakeLlmServer(Plan, expectedKey: key);
        RephraseRuns.WriteShards(t.File("in"), shards: 4, docsPerShard: 250);

        var (result, dir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run"), server.BaseUrl, keyEnv: keyVariable));

        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));
        var outputs = RephraseRuns.Records(dir, OutputKinds.Data);
        var rejects = RephraseRuns.Records(dir, OutputKinds.Rejects);
        var rewrittenParents = outputs.Select(o => RephraseRuns.Meta(o, RephraseMetadata.ParentId)).ToList();
        var rejectedIds = rejects.Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.Equal(1000, rewrittenParents.Count + rejectedIds.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(RephraseRuns.Id), rewrittenParents.Concat(rejectedIds).Order(StringComparer.Ordinal));

        // Exactly the permanently failing documents are rejected, each with its stable reason.
        var expectedRejects = Enumerable.Range(0, 1000).Where(n => n % 20 is 0 or 5).ToDictionary(RephraseRuns.Id,
            n => n % 20 == 0 ? "rephrase_content_filter" : "rephrase_missing_output_tags");
        Assert.Equal(expectedRejects.Keys.Order(StringComparer.Ordinal), rejectedIds.Order(StringComparer.Ordinal));
        foreach (var r in rejects)
            Assert.Equal(expectedRejects[r.GetProperty("id").GetString()!], RephraseRuns.Meta(r, "reject_reason"));

        // Rewrites carry the echo of their own input and full provenance.
        foreach (var o in outputs)
        {
            var parent = RephraseRuns.Meta(o, RephraseMetadata.ParentId);
            var n = int.Parse(parent[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("REWRITTEN " + RephraseRuns.Text(n), o.GetProperty("text").GetString());
            Assert.Equal(parent + "#rewire", o.GetProperty("id").GetString());
            Assert.Equal("test-model", RephraseRuns.Meta(o, RephraseMetadata.Model));
            Assert.Equal("rewire", RephraseRuns.Meta(o, RephraseMetadata.TemplateId));
            Assert.Equal(Curation.Rephrase.Prompts.BuiltInTemplates.Rewire.Hash, RephraseRuns.Meta(o, RephraseMetadata.PromptHash));
            Assert.Equal("100", RephraseRuns.Meta(o, RephraseMetadata.PromptTokens));
        }
        // Output order within a shard is input order.
        foreach (var shard in outputs.GroupBy(o => RephraseRuns.Meta(o, "shard")))
        {
            var ids = shard.Select(o => RephraseRuns.Meta(o, RephraseMetadata.ParentId)).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        }

        // Stats: transient faults were retried, failures counted by reason, tokens summed.
        var stats = RunStatus.StepStats(dir).Single(s => s.Step == "rw").Stages.Single(s => s.StageId == "rephrase");
        Assert.Equal(50, stats.Counters["rephrase.failures.content_filter"]);
        Assert.Equal(50, stats.Counters["rephrase.failures.missing_output_tags"]);
        Assert.Equal(900, stats.Counters["rephrase.rewritten"]);
        Assert.Equal(50, stats.Dropped["rephrase_content_filter"]);
        Assert.True(stats.Counters.Where(c => c.Key.StartsWith("rephrase.retries.", StringComparison.Ordinal)).Sum(c => c.Value) >= 150);
        // 950 answers of 100 prompt tokens each (900 rewrites and 50 without tags); filtered prompts bill nothing.
        Assert.Equal(95_000, stats.Counters["rephrase.prompt_tokens"]);
        var chart = Report.ReportSidecars.ReadAll(dir).Single(c => c.Step == "rw").Chart;
        Assert.Contains("900 of 1,000", chart.Title, StringComparison.Ordinal);

        // The key was sent on every request, and appears in no file of the run directory (cache, logs, rejects...).
        Assert.All(server.Authorizations, a => Assert.Equal("Bearer " + key, a));
        var keyBytes = Encoding.UTF8.GetBytes(key);
        foreach (var file in Directory.EnumerateFiles(dir.Root, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(keyBytes) < 0, $"the API key was written to {file}");
            if (file.EndsWith(".gz", StringComparison.Ordinal))
                Assert.DoesNotContain(key, string.Join("\n", RephraseRuns.ReadLines(file)), StringComparison.Ordinal);
        }
        Assert.Contains(rejects, r => RephraseRuns.Meta(r, RephraseMetadata.Error).Contains("request auth", StringComparison.Ordinal));
    }
}
