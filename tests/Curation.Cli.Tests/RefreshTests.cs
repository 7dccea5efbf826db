using System.Diagnostics;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

public class RefreshTests
{
    [Fact]
    public void Refresh_ProcessesOnlyNewOrChangedShards_AndAnUnchangedCorpusIsANoOp()
    {
        using var t = new TempDir("refresh");
        Directory.CreateDirectory(t.File("in"));
        var shards = Directory.GetFiles(RepoPaths.Sample("data", "train"), "*.jsonl.gz").Order(StringComparer.Ordinal).ToList();
        foreach (var s in shards.Take(4)) File.Copy(s, t.File("in", Path.GetFileName(s)));
        var cfg = t.File("nightly.yaml");
        File.WriteAllText(cfg, $$"""
            run:
              name: nightly
              output: {{t.File("corpus")}}
            steps:
              - id: curate
                input:
                  paths: [{{t.File("in", "*.jsonl.gz")}}]
                stages:
                  - type: filter.length
                    min_words: 20
            """);
        var first = Curate.Run("refresh", cfg).EnsureSuccess().StdOut;
        Assert.Contains("version 1: 4 new", first);

        var sw = Stopwatch.StartNew();
        var again = Curate.Run("refresh", cfg).EnsureSuccess().StdOut;
        Assert.Contains("nothing new", again);
        Assert.False(Directory.Exists(t.File("corpus", "v0002")));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), "an unchanged corpus is only hashed, not processed"); // generous: a loaded CI machine

        File.Copy(shards[4], t.File("in", Path.GetFileName(shards[4])));
        var second = Curate.Run("refresh", cfg).EnsureSuccess().StdOut;
        Assert.Contains("version 2: 1 new and 0 changed", second);
        var v2 = JsonDocument.Parse(File.ReadAllText(t.File("corpus", "v0002", "manifest.json"))).RootElement;
        Assert.Equal(1, v2.GetProperty("steps")[0].GetProperty("tasks").GetInt32());

        // A shard whose content changes is reprocessed, and its earlier outputs leave the current corpus.
        File.Copy(shards[5], t.File("in", Path.GetFileName(shards[0])), overwrite: true);
        Assert.Contains("version 3: 0 new and 1 changed", Curate.Run("refresh", cfg).EnsureSuccess().StdOut);
        var corpus = JsonDocument.Parse(File.ReadAllText(t.File("corpus", "manifest.json"))).RootElement;
        var versions = corpus.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("version").GetInt32()).ToList();
        Assert.DoesNotContain(1, versions); // version 1 read the changed shard: superseded by version 3
        Assert.Contains(2, versions);
        Assert.Contains(3, versions);
        var state = JsonDocument.Parse(File.ReadAllText(t.File("corpus", "refresh.json"))).RootElement;
        Assert.Equal(3, state.GetProperty("versions").GetArrayLength());
    }
}
