using System.Security.Cryptography;
using Curation.Pipeline.Execution;
using Curation.Rephrase.Cache;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>The generation cache shared by concurrent tasks, and reused by a later run.</summary>
public class RephraseCacheTests
{
    [Fact]
    public async Task TwoConcurrentTasksShareOneCacheFile_AndASecondRunServedFromItWritesIdenticalBytes()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer();
        RephraseRuns.WriteShards(t.File("in"), shards: 2, docsPerShard: 300);
        var cacheOption = $"        cache_path: '{t.File("shared", "generations.sqlite")}'";

        var (first, firstDir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run1"), server.BaseUrl, cacheOption, workers: 2));
        Assert.True(first.Succeeded, string.Join("\n", first.Failures.Select(f => f.Error)));
        Assert.Equal(600, server.TotalRequests);
        using (var cache = GenerationCache.Open(t.File("shared", "generations.sqlite")))
            Assert.Equal(600, cache.Count);

        server.ResetCounters();
        var (second, secondDir) = await RephraseRuns.Run(RephraseRuns.Config(t.File("in"), t.File("run2"), server.BaseUrl, cacheOption, workers: 1));
        Assert.True(second.Succeeded, string.Join("\n", second.Failures.Select(f => f.Error)));
        Assert.Equal(0, server.TotalRequests);
        Assert.Equal(Hashes(firstDir), Hashes(secondDir));
        var stats = RunStatus.StepStats(secondDir).Single().Stages.Single();
        Assert.Equal(600, stats.Counters["rephrase.cache_hits"]);
        Assert.Equal(0, stats.Counters["rephrase.requests"]);
    }

    private static SortedDictionary<string, string> Hashes(RunDirectory dir) =>
        new(Directory.EnumerateFiles(dir.StepDir("rw")).ToDictionary(f => Path.GetFileName(f)!, f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
