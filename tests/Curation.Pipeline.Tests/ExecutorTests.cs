using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Curation.Formats;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Testing;

namespace Curation.Pipeline.Tests;

public class ExecutorTests
{
    [Fact]
    public async Task Workers1And2_ProduceByteIdenticalOutputs()
    {
        using var t = new TempDir("workers");
        TestRuns.WriteShards(t.File("in"), shards: 6, docsPerShard: 300);
        var (r1, d1) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("w1"), workers: 1));
        var (r2, d2) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("w2"), workers: 2));
        Assert.True(r1.Succeeded && r2.Succeeded);
        var h1 = TestRuns.OutputHashes(d1);
        Assert.True(h1.Count > 6, "size rollover should produce several parts per task");
        Assert.Equal(h1, TestRuns.OutputHashes(d2));
        // completion records list every output with its sha256
        var listed = Enumerable.Range(0, 6).SelectMany(r => d1.ReadCompletion("curate", r)!.Outputs).Where(o => o.Kind == "data")
            .ToDictionary(o => Path.GetFileName(o.Path), o => o.Sha256);
        Assert.Equal(h1, new SortedDictionary<string, string>(listed, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filter_DropsGoToRejectsWithReason_AndCountsAddUp()
    {
        using var t = new TempDir("rejects");
        TestRuns.WriteShards(t.File("in"), 2, 140);
        var (r, dir) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("run")));
        Assert.True(r.Succeeded);
        var stats = RunStatus.StepStats(dir)[0];
        Assert.Equal(280, stats.Input.Records);
        Assert.Equal(40, stats.Stages[0].Dropped["has_spam"]);
        Assert.Equal(240, stats.DocsWritten);
        var rejected = Directory.EnumerateFiles(dir.KindDir("curate", "rejects")).SelectMany(TestRuns.ReadJsonl).ToList();
        Assert.Equal(40, rejected.Count);
        Assert.All(rejected, l => Assert.Contains("\"reject_reason\":\"has_spam\"", l));
    }

    [Fact]
    public async Task BadInput_IsQuarantinedAndCounted_NothingValidLost()
    {
        using var t = new TempDir("bad");
        Directory.CreateDirectory(t.File("in"));
        var lines = new List<byte[]>();
        for (var i = 0; i < 2000; i++) lines.Add(Encoding.UTF8.GetBytes($$"""{"id":"ok{{i}}","text":"valid document number {{i}}"}"""));
        lines.Insert(10, Encoding.UTF8.GetBytes("""{"id":"broken","text":"no end"""));
        lines.Insert(20, Encoding.UTF8.GetBytes("""{"id":"nokey","content":"x"}"""));
        lines.Insert(30, [.. Encoding.UTF8.GetBytes("{\"id\":\"utf\",\"text\":\"bad "), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")]);
        lines.Insert(40, []);
        using (var fs = File.Create(t.File("in", "a.jsonl")))
            foreach (var l in lines) { fs.Write(l); fs.WriteByte((byte)'\n'); }
        File.WriteAllBytes(t.File("in", "empty.jsonl"), []);

        var (r, dir) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl"), t.File("run"), format: "jsonl").Replace("word: spam", "word: zzz"));
        Assert.True(r.Succeeded, string.Join("; ", r.Failures));
        var stats = RunStatus.StepStats(dir)[0];
        Assert.Equal(2003, stats.Input.Records);
        Assert.Equal(1, stats.Input.BlankLines);
        Assert.Equal(1, stats.Input.EmptyFiles);
        Assert.Equal(1, stats.Input.Malformed["invalid_json"]);
        Assert.Equal(1, stats.Input.Malformed["missing_text"]);
        Assert.Equal(1, stats.Input.Malformed["invalid_utf8"]);
        Assert.Equal(2000, stats.DocsWritten); // every valid record made it through
        var q = TestRuns.ReadJsonl(Path.Combine(dir.KindDir("curate", "quarantine"), "00000.jsonl"));
        Assert.Equal(3, q.Count);
        var missing = JsonDocument.Parse(q.Single(l => l.Contains("missing_text"))).RootElement;
        Assert.Equal(21, missing.GetProperty("line").GetInt32()); // inserted at index 20: the 21st line
        Assert.Contains("content", missing.GetProperty("message").GetString());
        var utf = JsonDocument.Parse(q.Single(l => l.Contains("invalid_utf8"))).RootElement;
        Assert.Equal(lines[30], Convert.FromBase64String(utf.GetProperty("raw_base64").GetString()!)); // quarantined byte-exact
    }

    [Fact]
    public async Task ErrorBudget_Exceeded_FailsTheTaskAndKeepsTheQuarantine()
    {
        using var t = new TempDir("budget");
        Directory.CreateDirectory(t.File("in"));
        File.WriteAllLines(t.File("in", "a.jsonl"), Enumerable.Range(0, 100).Select(i => i % 5 == 0 ? "not json" : $$"""{"text":"ok {{i}}"}"""));
        var (r, dir) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl"), t.File("run")));
        Assert.False(r.Succeeded);
        Assert.Contains("20 of 100 records malformed", r.Failures[0].Error);
        Assert.False(dir.IsComplete("curate", 0));
        Assert.Equal(20, TestRuns.ReadJsonl(Path.Combine(dir.KindDir("curate", "quarantine"), "00000.jsonl")).Count);
        Assert.Empty(Directory.Exists(dir.StepDir("curate")) ? Directory.GetFiles(dir.StepDir("curate")) : []);
    }

    [Theory]
    [InlineData("gz")]
    [InlineData("zst")]
    public async Task TruncatedCompressedShard_FailsItsTaskNamingFileAndOffset(string ext)
    {
        using var t = new TempDir("trunc");
        Directory.CreateDirectory(t.File("in"));
        var path = t.File("in", "a.jsonl." + ext);
        using (var fs = File.Create(path))
        using (var s = Curation.Formats.Compression.CompressedFile.Wrap(fs, Curation.Formats.Compression.CompressedFile.FromPath(path)))
        using (var w = new StreamWriter(s))
            for (var i = 0; i < 20000; i++) w.WriteLine($$"""{"text":"document {{i}} with some text {{i * 7}}"}""");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var (r, dir) = await TestRuns.Run(TestRuns.Config(t.File("in", "*." + ext), t.File("run")));
        Assert.False(r.Succeeded);
        Assert.Contains(path, r.Failures[0].Error);
        Assert.Contains("byte offset", r.Failures[0].Error);
        Assert.False(dir.IsComplete("curate", 0));
    }

    [Fact]
    public async Task FiftyMegabyteDocument_StreamsThrough()
    {
        using var t = new TempDir("big");
        Directory.CreateDirectory(t.File("in"));
        var big = new string('a', 50 * 1024 * 1024 - 100).ToCharArray();
        for (var i = 100; i < big.Length; i += 100) big[i] = ' ';
        using (var w = new StreamWriter(t.File("in", "big.jsonl")))
        {
            w.WriteLine("""{"id":"small","text":"tiny"}""");
            w.Write("{\"id\":\"huge\",\"text\":\"");
            w.Write(big);
            w.WriteLine("\"}");
        }
        var (r, dir) = await TestRuns.Run(TestRuns.Config(t.File("in", "*.jsonl"), t.File("run"), format: "jsonl").Replace("20KB", "1GB"));
        Assert.True(r.Succeeded, string.Join(";", r.Failures));
        var stats = RunStatus.StepStats(dir)[0];
        Assert.Equal(2, stats.DocsWritten);
        Assert.True(stats.Stages[0].BytesOut > 50_000_000);
    }

    [Fact]
    public async Task Resume_SkipsCompletedTasks()
    {
        using var t = new TempDir("resume");
        TestRuns.WriteShards(t.File("in"), 3, 50);
        var cfg = TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("run"));
        var (r1, dir) = await TestRuns.Run(cfg);
        Assert.Equal(3, r1.TasksRun);
        File.Delete(dir.Completion("curate", 1));
        var (r2, _) = await TestRuns.Run(cfg, "run.workers=2"); // a different worker count is still the same run
        Assert.Equal(1, r2.TasksRun);
        Assert.Equal(2, r2.TasksSkipped);
        Assert.Equal(1, dir.ReadAttempts("curate", 0));
        Assert.Equal(2, dir.ReadAttempts("curate", 1));
    }

    [Fact]
    public async Task Resume_AfterConfigOrInputChange_IsRefusedSayingWhatChanged()
    {
        using var t = new TempDir("refuse");
        TestRuns.WriteShards(t.File("in"), 2, 20);
        var cfg = TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("run"));
        await TestRuns.Run(cfg);
        var e1 = await Assert.ThrowsAsync<ResumeMismatchException>(() => TestRuns.Run(cfg.Replace("word: spam", "word: eggs")));
        Assert.Contains("steps[0].stages[0].word: spam → eggs", e1.Message);
        Assert.Contains("--overwrite", e1.Hint);
        TestRuns.WriteShards(t.File("in"), 3, 20); // adds shard-02: a new task
        var e2 = await Assert.ThrowsAsync<ResumeMismatchException>(() => TestRuns.Run(cfg));
        Assert.Contains("tasks 2 → 3", e2.Message);
        Assert.Contains("new input", e2.Message);
    }

    [Fact]
    public void Plan_ReportsStageOptionAndInputErrorsTogether()
    {
        using var t = new TempDir("plan");
        var cfg = TestRuns.Config(t.File("nothing", "*.jsonl"), t.File("run")).Replace("word: spam", "wrod: spam") + "\n  - id: x\n    kind: nope\n";
        var e = Assert.Throws<ConfigException>(() => TestRuns.Plan(cfg));
        Assert.Contains(e.Errors, x => x.Path.EndsWith("stages[0].wrod", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Message.Contains("matches no file"));
        Assert.Contains(e.Errors, x => x.Message.Contains("unknown step kind 'nope'"));
    }

    [Fact]
    public async Task DependentStep_ReadsUpstreamCompletionRecords()
    {
        using var t = new TempDir("deps");
        TestRuns.WriteShards(t.File("in"), 3, 30);
        var cfg = TestRuns.Config(t.File("in", "*.jsonl.gz"), t.File("run")) + """

              - id: second
                depends_on: [curate]
                input:
                  from: [curate]
                stages:
                  - type: test.drop_word
                    word: "document 1"
                output:
                  format: jsonl
            """;
        var (r, dir) = await TestRuns.Run(cfg);
        Assert.True(r.Succeeded, string.Join(";", r.Failures));
        var stats = RunStatus.StepStats(dir);
        Assert.Equal(3, stats[1].Tasks);
        Assert.Equal(stats[0].DocsWritten, stats[1].Input.Records);
        Assert.True(stats[1].DocsWritten < stats[1].Input.Records);
    }
}
