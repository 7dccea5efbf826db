using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Tests.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Dedup;

public class DedupStepTests
{
    // 3 shards of 60 random documents; a planted document with 3 near-copies spread over the shards, and one exact copy.
    private static void WriteCorpus(string dir)
    {
        var rng = new Random(7);
        var planted = DedupCorpus.RandomText(rng, 300);
        var shards = new List<(string, string, double)>[] { [], [], [] };
        for (var s = 0; s < 3; s++)
            for (var i = 0; i < 60; i++)
                shards[s].Add(($"s{s}-{i:D3}", DedupCorpus.RandomText(rng), 0.5));
        shards[1].Add(("m-planted", planted, 0.5));
        shards[0].Add(("z-copy-a", DedupCorpus.Perturb(planted, rng), 0.5));
        shards[2].Add(("z-copy-b", DedupCorpus.Perturb(planted, rng), 0.5));
        shards[2].Add(("a-copy-best", DedupCorpus.Perturb(planted, rng), 0.9)); // highest quality_score: kept with priority_key
        shards[0].Add(("z-exact", planted, 0.1));
        for (var s = 0; s < 3; s++) DedupCorpus.Write(Path.Combine(dir, $"shard{s}.jsonl"), shards[s]);
    }

    [Fact]
    public async Task PlantedNearDuplicates_AreRemoved_WithTheKeptMembersIdAsCluster()
    {
        using var t = new TempDir("dedup");
        WriteCorpus(t.File("in"));
        var dir = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run")));

        var clusters = DedupCorpus.ReadAll(Path.Combine(dir.Root, "clusters", "dedup.clusters"));
        Assert.Equal(185, clusters.Count);
        var planted = clusters.Where(c => c.GetProperty("size").GetInt32() > 1).ToList();
        // Without a priority key the smallest id is kept: "a-copy-best".
        Assert.Equal(["a-copy-best", "m-planted", "z-copy-a", "z-copy-b", "z-exact"], planted.Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(planted, c => Assert.Equal("a-copy-best", c.GetProperty("cluster").GetString()));
        Assert.All(planted, c => Assert.Equal(5, c.GetProperty("size").GetInt32()));
        Assert.Equal(["a-copy-best"], planted.Where(c => c.GetProperty("kept").GetBoolean()).Select(c => c.GetProperty("id").GetString()));

        var kept = DedupCorpus.ReadAll(dir.StepDir("dedup.filter"));
        Assert.Equal(181, kept.Count);
        var best = kept.Single(d => d.GetProperty("id").GetString() == "a-copy-best");
        Assert.Equal(5, best.GetProperty("metadata").GetProperty("dedup_cluster_size").GetInt32());
        Assert.Equal(4, best.GetProperty("metadata").GetProperty("dedup_duplicates").GetInt32());
        Assert.Equal("a-copy-best", best.GetProperty("metadata").GetProperty("dedup_cluster").GetString());
        Assert.Equal(0.9, best.GetProperty("metadata").GetProperty("quality_score").GetDouble()); // metadata passes through

        var rejects = DedupCorpus.ReadAll(Path.Combine(dir.Root, "rejects", "dedup.filter"));
        Assert.Equal(4, rejects.Count);
        Assert.All(rejects, r => Assert.Equal("near_duplicate", r.GetProperty("metadata").GetProperty("reject_reason").GetString()));
        Assert.All(rejects, r => Assert.Equal("a-copy-best", r.GetProperty("metadata").GetProperty("dedup_cluster").GetString()));

        var chart = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Root, "report", "dedup", "cluster_sizes.json"))).RootElement;
        Assert.StartsWith("2.2% of documents were near-duplicates", chart.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PriorityKey_KeepsTheHighestScoringMember()
    {
        using var t = new TempDir("dedup");
        WriteCorpus(t.File("in"));
        var dir = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run"), options: "priority_key: quality_score\nthreshold: 0.7"));
        var kept = DedupCorpus.ReadAll(dir.StepDir("dedup.filter")).Select(d => d.GetProperty("id").GetString()!).ToHashSet();
        Assert.Contains("a-copy-best", kept);
        Assert.DoesNotContain("m-planted", kept);
        Assert.DoesNotContain("z-exact", kept);
    }

    [Fact]
    public async Task OutputAndClusterIds_AreIdenticalAcrossTaskCountsAndWorkers()
    {
        using var t = new TempDir("dedup");
        WriteCorpus(t.File("in"));
        // files per task 3 → 1 signature task; 1 → 3 tasks; then 3 tasks on 2 workers.
        var runs = new (int Files, int Workers)[] { (3, 1), (1, 1), (1, 2) };
        var results = new List<(byte[] Clusters, string Kept)>();
        foreach (var (files, workers) in runs)
        {
            var dir = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File($"run{files}-{workers}"), workers: workers, filesPerTask: files,
                options: "bucket_shards: 2\nmemory_budget: 1MB"));
            var clusters = File.ReadAllBytes(Path.Combine(dir.Root, "clusters", "dedup.clusters", "00000.clusters.jsonl"));
            var kept = string.Join("\n", DedupCorpus.ReadAll(dir.StepDir("dedup.filter")).Select(d => d.GetRawText()).Order(StringComparer.Ordinal));
            results.Add((clusters, kept));
        }
        Assert.All(results, r => Assert.Equal(results[0].Clusters, r.Clusters));
        Assert.All(results, r => Assert.Equal(results[0].Kept, r.Kept));
    }

    [Fact]
    public async Task ExactDedup_RemovesOnlyTheVerbatimCopy_AndUrlDedupUsesTheUrlField()
    {
        using var t = new TempDir("dedup");
        WriteCorpus(t.File("in"));
        var dir = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run"), kind: "dedup.exact", options: "normalization: whitespace"));
        var rejects = DedupCorpus.ReadAll(Path.Combine(dir.Root, "rejects", "dedup.filter"));
        Assert.Equal(["z-exact"], rejects.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("duplicate", rejects[0].GetProperty("metadata").GetProperty("reject_reason").GetString());

        Directory.CreateDirectory(t.File("urls"));
        File.WriteAllLines(t.File("urls", "a.jsonl"),
        [
            """{"id":"1","text":"one","url":"https://Example.com/a"}""",
            """{"id":"2","text":"two","url":"https://example.com/a"}""",
            """{"id":"3","text":"three","url":"https://example.com/b"}""",
        ]);
        var urls = await PackRuns.Run(DedupCorpus.Config(t.File("urls", "*.jsonl"), t.File("run-url"), kind: "dedup.url", options: "url_key: url"));
        var keptUrls = DedupCorpus.ReadAll(urls.StepDir("dedup.filter")).Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["1", "3"], keptUrls);
    }

    [Fact]
    public void BadOptions_AreConfigErrorsNamingTheKey()
    {
        var (kinds, ctx) = BuiltinRegistry.Create();
        var e = Assert.Throws<ConfigException>(() => new RunPlanner(kinds, ctx).Plan(ConfigLoader.Parse(
            DedupCorpus.Config("x/*.jsonl", "/tmp/never", options: "bands: 4\nverify_threshold: 1.5"), "t.yaml")));
        Assert.Contains("options.bands", e.Message);
        Assert.Contains("options.verify_threshold", e.Message);
    }

    [Fact]
    public async Task ResumeAfterAKilledClustersTask_AppendsTheRunToTheIndexOnce_AndKeepsTheSameDocuments()
    {
        using var t = new TempDir("dedup");
        WriteCorpus(t.File("in"));
        var yaml = DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run"), options: $"index_dir: {t.File("index")}");
        var dir = await PackRuns.Run(yaml);
        var before = DedupCorpus.ReadAll(dir.StepDir("dedup.filter")).Select(d => d.GetRawText()).Order(StringComparer.Ordinal).ToList();

        // The clusters task appended to the index, then died before committing: its completion and everything after are gone.
        foreach (var step in new[] { "dedup.clusters", "dedup.filter" })
            Directory.Delete(System.IO.Path.Combine(dir.Root, "completions", step), recursive: true);
        await PackRuns.Run(yaml);

        using var index = Curation.Dedup.Index.DedupIndex.Open(t.File("index"));
        Assert.Equal(1, index.RunCount);
        Assert.Equal(before, DedupCorpus.ReadAll(dir.StepDir("dedup.filter")).Select(d => d.GetRawText()).Order(StringComparer.Ordinal).ToList());

        // A second run with the same documents against that index keeps nothing: every one is in the index already.
        var again = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run2"), options: $"index_dir: {t.File("index")}"));
        Assert.Empty(DedupCorpus.ReadAll(again.StepDir("dedup.filter")));
    }
}
