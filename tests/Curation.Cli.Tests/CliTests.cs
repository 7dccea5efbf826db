using Curation.Testing;

namespace Curation.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Quickstart_RunsOnTheSampleCorpus_PrintsTableAndWritesShards()
    {
        using var t = new TempDir("quick");
        var r = Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={t.File("run")}").EnsureSuccess();
        Assert.Contains("curation summary", r.StdOut);
        Assert.Contains("curate", r.StdOut);
        // The heuristic funnel keeps no document of two shards (Python code, the factbook's terse entries): 13 of 15.
        var shards = Directory.GetFiles(t.File("run", "curate"), "*.jsonl.gz").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(13, shards.Count);
        Assert.DoesNotContain("00004.jsonl.gz", shards);
        var stats = Curate.Run("stats", t.File("run"), "--json").EnsureSuccess().StdOut;
        Assert.Contains("\"docs_written\"", stats);
        var step = System.Text.Json.JsonDocument.Parse(stats).RootElement[0];
        var stages = step.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage_id").GetString()).ToList();
        Assert.Equal(["filter.length", "normalize.unicode", "normalize.whitespace", "pii.redact", "filter.gopher_quality",
            "filter.gopher_repetition", "filter.c4_quality", "filter.fineweb_quality"], stages);
        // A few hundred documents survive (the sample is mostly code, mail and reference text, which the rules drop).
        Assert.InRange(step.GetProperty("docs_written").GetInt64(), 300, 1000);
    }

    [Fact]
    public void Plan_WithBadConfig_ListsEveryErrorAndDoesNoWork()
    {
        using var t = new TempDir("badplan");
        var cfg = t.File("bad.yaml");
        File.WriteAllText(cfg, """
            run:
              output: OUT
              wrkers: 2
            steps:
              - id: a
                input:
                  paths: [does/not/exist/*.jsonl]
                stages:
                  - type: filter.nope
                  - type: filter.length
                    min_wrds: 3
            """.Replace("OUT", t.File("out")));
        var r = Curate.Run("plan", cfg);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("run.wrkers (line 3, column 3)", r.StdErr);
        Assert.Contains("matches no file", r.StdErr);
        Assert.Contains("unknown stage type 'filter.nope'", r.StdErr);
        Assert.Contains("min_wrds", r.StdErr);
        Assert.False(Directory.Exists(t.File("out")));
    }

    [Fact]
    public void Run_ResumeAfterConfigChange_IsRefusedWithHowToOverride()
    {
        using var t = new TempDir("refuse");
        var output = t.File("run");
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={output}").EnsureSuccess();
        var r = Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={output}", "--set", "steps.curate.stages.0.min_words=50");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("min_words: 20 → 50", r.StdErr);
        Assert.Contains("--overwrite", r.StdErr);
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={output}", "--set", "steps.curate.stages.0.min_words=50", "--overwrite").EnsureSuccess();
    }

    [Fact]
    public void Inspect_ShowsCountAndSchema()
    {
        var f = RepoPaths.Sample("data", "train", "brown-news.jsonl.gz");
        var lines = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(f), System.IO.Compression.CompressionMode.Decompress)).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(lines.ToString(), Curate.Run("inspect", f, "--count").EnsureSuccess().StdOut.Trim());
        var schema = Curate.Run("inspect", f, "--schema").EnsureSuccess().StdOut;
        Assert.Contains("text", schema);
        Assert.Contains("domain", schema);
    }
}
