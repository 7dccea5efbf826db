using Curation.Stages.Tests.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Dedup;

public class ParagraphDedupTests
{
    [Fact]
    public async Task RepeatedParagraphs_AreRemovedAfterTheirFirstOccurrence_AcrossTasks()
    {
        using var t = new TempDir("para");
        const string boiler = "Subscribe to our newsletter for more stories.";
        DedupCorpus.Write(t.File("in", "a.jsonl"), [("d1", "First story body.\n\n" + boiler, 0), ("d2", "Second story body.\n\n" + boiler, 0)]);
        DedupCorpus.Write(t.File("in", "b.jsonl"), [("d3", boiler + "\n\nThird story body.", 0), ("d4", boiler, 0)]);
        var dir = await PackRuns.Run(DedupCorpus.Config(t.File("in", "*.jsonl"), t.File("run"), kind: "dedup.paragraph", options: "shards: 2", workers: 2));
        var kept = DedupCorpus.ReadAll(dir.StepDir("dedup.filter")).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        Assert.Equal("First story body.\n\n" + boiler, kept["d1"]); // first occurrence (smallest id, segment) stays
        Assert.Equal("Second story body.", kept["d2"].TrimEnd());
        Assert.Equal("Third story body.", kept["d3"].Trim());
        Assert.False(kept.ContainsKey("d4")); // nothing left: rejected
        var rejects = DedupCorpus.ReadAll(System.IO.Path.Combine(dir.Root, "rejects", "dedup.filter"));
        Assert.Equal("duplicate_paragraphs", rejects.Single().GetProperty("metadata").GetProperty("reject_reason").GetString());
    }
}
