using Curation.Dedup.Paragraphs;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class ParagraphDedupTests
{
    private const string Footer = "Unsubscribe from this list at any time by clicking here.";

    private static List<DedupDocument> Docs() =>
    [
        new("m3", $"Third mail body.\n\n{Footer}"),
        new("m1", $"First mail body.\n\n{Footer}\n\nSent from my phone."),
        new("m2", $"Second   mail body.\n\n{Footer}\n\nSent from my phone."),
        new("m4", "Repeat inside.\n\nRepeat inside.\n\nUnique end."),
    ];

    private static Dictionary<string, ParagraphFilterResult> Run(List<DedupDocument> docs, int tasks, int shards, long budget = 1 << 20)
    {
        using var dir = new TempDir();
        var options = new ParagraphDedupOptions { MemoryBudgetBytes = budget };
        var inputs = NearDupFixture.Split(docs, tasks);
        for (int t = 0; t < tasks; t++) new ParagraphHashStep(options).Run(t, inputs[t](), dir.File("hash"));
        for (int s = 0; s < shards; s++) new ParagraphMatchStep(budget).Run(s, shards, dir.File("hash"), dir.File("match"));
        return Enumerable.Range(0, tasks)
            .SelectMany(t => new ParagraphFilterStep(options).Run(t, inputs[t](), dir.File("match"), shards).ToList())
            .ToDictionary(r => r.Document.Id);
    }

    [Fact]
    public void Run_RepeatedParagraphs_KeepFirstOccurrenceBySmallestId()
    {
        var results = Run(Docs(), 2, 1);
        Assert.Equal($"First mail body.\n\n{Footer}\n\nSent from my phone.", results["m1"].Text);
        Assert.Equal("Second   mail body.", results["m2"].Text);
        Assert.Equal(2, results["m2"].RemovedSegments);
        Assert.Equal("Third mail body.", results["m3"].Text);
        Assert.Equal("Repeat inside.\n\nUnique end.", results["m4"].Text);
    }

    [Fact]
    public void Run_SameResultForAnyTaskAndShardCountAndSpilling()
    {
        var reference = Run(Docs(), 1, 1).ToDictionary(kv => kv.Key, kv => kv.Value.Text);
        foreach (var (tasks, shards, budget) in new[] { (3, 2, 1L << 20), (4, 3, 64L) })
            Assert.Equal(reference, Run(Docs(), tasks, shards, budget).ToDictionary(kv => kv.Key, kv => kv.Value.Text));
    }

    [Theory]
    [InlineData("a\nb\nc", SegmentUnit.Line, 3)]
    [InlineData("a\nb\n\n\nc\n", SegmentUnit.Paragraph, 2)]
    [InlineData("a\n \t\nb", SegmentUnit.Paragraph, 2)]
    [InlineData("", SegmentUnit.Paragraph, 1)]
    public void Split_RoundTripsTheText(string text, SegmentUnit unit, int count)
    {
        var segments = TextSegmenter.Split(text, unit);
        Assert.Equal(count, segments.Count);
        Assert.Equal(text, string.Concat(segments.Select(s => text.Substring(s.Start, s.Length + s.SeparatorLength))));
        Assert.Equal(text, TextSegmenter.Remove(text, segments, new HashSet<int>()));
    }

    [Fact]
    public void Filter_MissingMatchOutput_Throws()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<FileNotFoundException>(() => new ParagraphFilterStep().Run(0, Docs(), dir.Path, 1).ToList());
        Assert.Contains("paragraph match step", e.Message);
    }
}
