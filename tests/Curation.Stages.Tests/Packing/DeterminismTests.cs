using System.Text.Json.Nodes;
using Curation.Pipeline.Execution;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>Same bytes whatever the worker count, and after a resume that reruns the write step.</summary>
public class DeterminismTests
{
    private static string Config(TempDir t, string run, int workers) => PackRuns.Config(t.File("in", "*.jsonl"), t.File(run), """
        tokenizer: gpt2
        format: megatron
        seq_len: 63
        packing: bfd
        memory_limit: 16MB
        validation_fraction: 0.1
        """, workers);

    private static SortedDictionary<string, string> Shards(RunDirectory d)
    {
        var h = PackRuns.Hashes(d);
        h.Remove("00000.manifest.json");
        return h;
    }

    private static string ManifestWithoutRunDirectory(RunDirectory d)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(d.StepDir("pack.write"), "00000.manifest.json")))!;
        node["lineage"]!.AsObject().Remove("run_directory");
        node["lineage"]!.AsObject().Remove("input_files");
        return node.ToJsonString();
    }

    [Fact]
    public async Task WorkerCount_AndResume_DoNotChangeABit()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>>
        {
            ["a"] = PackRuns.Documents("a", 120, 80),
            ["b"] = PackRuns.Documents("b", 70, 150),
            ["c"] = PackRuns.Documents("c", 30, 20),
        });
        var one = await PackRuns.Run(Config(t, "one", 1));
        var two = await PackRuns.Run(Config(t, "two", 2));
        Assert.Equal(Shards(one), Shards(two));
        Assert.Equal(ManifestWithoutRunDirectory(one), ManifestWithoutRunDirectory(two));

        // Resume: forget the write step (as if killed before it committed) and one tokenize task, then rerun.
        var before = PackRuns.Hashes(two);
        File.Delete(two.Completion("pack.write", 0));
        File.Delete(two.Completion("pack.tokenize", 1));
        Directory.Delete(two.StepDir("pack.write"), recursive: true);
        var again = await PackRuns.Run(Config(t, "two", 2));
        Assert.Equal(before, PackRuns.Hashes(again));
    }
}
