using Curation.Pipeline.IO;
using Curation.Pipeline.Stats;
using Curation.Testing;

namespace Curation.Pipeline.Tests;

public class JsonlFileReaderTests
{
    private sealed class ListQuarantine : IQuarantine
    {
        public List<MalformedRecord> Records { get; } = [];
        public void Add(MalformedRecord record) => Records.Add(record);
    }

    [Fact]
    public void RecordsWithoutAnId_GetDatatrovesPathAndLineIndex()
    {
        using var dir = new TempDir("ids");
        Directory.CreateDirectory(dir.File("sub"));
        var path = dir.File("sub", "f.jsonl");
        // Line indexes (0-based) count blank and malformed lines, as datatrove's enumerate(f) does.
        File.WriteAllLines(path,
        [
            """{"text":"has its own","id":"mine"}""", // 0
            """{"text":"no id"}""",                   // 1
            "",                                        // 2
            "{not json",                               // 3
            """{"text":"no id either"}""",            // 4
        ]);
        var quarantine = new ListQuarantine();
        var stats = new InputStats();
        var docs = new JsonlFileReader().Read(path, new ReadOptions { BaseDirectory = dir.Path }, stats, quarantine, CancellationToken.None).ToList();
        Assert.Equal(["mine", "sub/f.jsonl/1", "sub/f.jsonl/4"], docs.Select(d => d.Id));
        Assert.Equal([1L, 2L, 5L], docs.Select(d => d.Source.Ordinal));
        Assert.Equal(4L, quarantine.Records.Single().Line);
        Assert.Equal(1, stats.BlankLines);
    }
}
