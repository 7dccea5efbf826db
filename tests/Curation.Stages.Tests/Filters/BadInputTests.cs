using System.Text;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Stages.Tests.Filters;

/// <summary>Damaged and extreme input through every rule stage: nothing crashes, everything is counted.</summary>
public class BadInputTests
{
    private const string AllStages = """
              - type: normalize.unicode
              - type: normalize.whitespace
              - type: pii.redact
              - type: filter.c4_paragraph
                min_paragraphs: 0
              - type: filter.gopher_repetition
              - type: filter.c4_quality
              - type: filter.fineweb_quality
              - type: filter.gopher_quality
        """;

    [Fact]
    public async Task EmptyHugeInvalidAndGarbageDocuments_PassWithoutACrash_AndAreCounted()
    {
        using var t = new TempDir("bad-input");
        var random = new Random(7);
        var garbage = new string(Enumerable.Range(0, 5000).Select(_ => (char)random.Next(0x20, 0x2FFF)).ToArray());
        var lines = new List<byte[]>
        {
            Line("empty", ""),
            Line("huge", string.Concat(Enumerable.Repeat("word ", 4_000_000))),   // a 20 MB single line
            Encoding.UTF8.GetBytes("{\"id\":\"invalid-utf8\",\"text\":\"abc ").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes(" def\"}")).ToArray(),
            Line("garbage", garbage),
            Line("prose", RuleStageTests.Prose),
        };
        var input = t.File("in.jsonl");
        File.WriteAllBytes(input, lines.SelectMany(l => l.Append((byte)'\n')).ToArray());

        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"), AllStages, input));
        var stats = FilterRuns.Stats(dir);
        Assert.Equal(1, stats.Input.MalformedTotal);   // invalid UTF-8 is quarantined by the reader
        Assert.Equal(4, stats.Stages[0].DocsIn);
        var rejects = FilterRuns.Rejects(dir);
        Assert.StartsWith("top_", rejects["huge"]);                 // one word repeated: the top 2-gram covers everything
        Assert.Contains("empty", rejects.Keys);
        Assert.Contains("garbage", rejects.Keys);                    // valid UTF-8 garbage goes through the rules and is judged
        Assert.Equal(4, rejects.Count + FilterRuns.Documents(dir).Count);
        Assert.Equal(rejects.Count, stats.Stages.Sum(s => s.DroppedTotal));
    }

    private static byte[] Line(string id, string text) => JsonSerializer.SerializeToUtf8Bytes(new { id, text });
}
