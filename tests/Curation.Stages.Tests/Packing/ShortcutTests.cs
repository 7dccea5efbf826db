using System.Text.Json.Nodes;
using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>The <c>curate pack</c> shortcut: its in-memory config runs, and its outputs are published under the prefix.</summary>
public class ShortcutTests
{
    [Fact]
    public async Task ShortcutConfig_RunsAndPublishesUnderThePrefix()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>>
        {
            ["a"] = PackRuns.Documents("a", 50, 90),
            ["b"] = PackRuns.Documents("b", 50, 90),
        });
        File.WriteAllText(t.File("w.json"), """{"a": 3, "b": 1}""");
        var request = new PackRequest
        {
            Inputs = [t.File("in", "*.jsonl")], Tokenizer = "gpt2", SeqLen = 255, Format = ShardFormat.Llmc,
            OutputPrefix = t.File("out", "data"), WeightsFile = t.File("w.json"), Workers = 2, ValidationFraction = 0.05,
        };
        var dir = await PackRuns.Run(PackShortcut.Yaml(request));
        Assert.Equal(Path.GetFullPath(t.File("out", "data.run")), dir.Root);
        var published = PackShortcut.Publish(dir.Root, request.OutputPrefix);
        Assert.Contains(t.File("out", "data.train.bin"), published);
        Assert.Contains(t.File("out", "data.manifest.json"), published);
        var manifest = JsonNode.Parse(File.ReadAllText(t.File("out", "data.manifest.json")))!;
        var files = manifest["splits"]!["train"]!["files"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.All(files, f => Assert.True(File.Exists(t.File("out", f)), f));
        var mix = manifest["mixture"]!["domains"]!.AsArray();
        Assert.Equal(0.75, mix.Single(d => d!["domain"]!.GetValue<string>() == "a")!["requested"]!.GetValue<double>(), 9);
        var tokens = SpecReaders.Llmc(t.File("out", "data.train.bin"), 2);
        Assert.Equal(0, tokens.Length % 256);
    }
}
