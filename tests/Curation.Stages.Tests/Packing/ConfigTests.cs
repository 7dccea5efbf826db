using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>A bad pack config fails before any work, naming every problem.</summary>
public class ConfigTests
{
    [Fact]
    public void BadOptions_AreAllReported()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>> { ["d"] = [("a", "x")] });
        var yaml = PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), """
            tokenizer: no_such_tokenizer
            seq_len: 0
            format: parquet
            loss_mask: true
            bogus: 1
            """);
        var (kinds, ctx) = BuiltinRegistry.Create();
        var e = Assert.Throws<ConfigException>(() => new RunPlanner(kinds, ctx).Plan(ConfigLoader.Parse(yaml, "t.yaml")));
        var all = string.Join("\n", e.Errors.Select(x => x.Path + ": " + x.Message));
        Assert.Contains("no_such_tokenizer", all);
        Assert.Contains("seq_len", all);
        Assert.Contains("format", all);
        Assert.Contains("bogus", all);
    }

    [Fact]
    public void PackExpandsIntoTokenizeAndWriteSteps()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>> { ["d"] = [("a", "x")], ["e"] = [("b", "y")] });
        var (kinds, ctx) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, ctx).Plan(ConfigLoader.Parse(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), "tokenizer: gpt2"), "t.yaml"));
        Assert.Equal(["pack.tokenize", "pack.write"], plan.Steps.Select(s => s.Id));
        Assert.Equal(2, plan.Plans["pack.tokenize"].Tasks);
        Assert.Equal(1, plan.Plans["pack.write"].Tasks);
    }
}
