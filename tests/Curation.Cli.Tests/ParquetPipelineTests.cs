using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

/// <summary>Parquet through the pipeline: output read by DuckDB, hyparquet and parquet-wasm; input read back; convert.</summary>
public class ParquetPipelineTests
{
    [Fact]
    public void PipelineParquetOutput_IsReadByThreePeers_WithTheSameDocumentsAsJsonl()
    {
        using var t = new TempDir("pq-pipe");
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={t.File("pq")}", "--set", "steps.curate.output.format=parquet").EnsureSuccess();
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={t.File("js")}", "--set", "steps.curate.output.format=jsonl").EnsureSuccess();
        var pq = t.File("pq", "curate", "00003.parquet");
        var expected = File.ReadAllLines(t.File("js", "curate", "00003.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var peers = ProcessRunner.Node(RepoPaths.Fixture("parquet", "read_with_peers.mjs"), [pq], TimeSpan.FromMinutes(2)).EnsureSuccess();
        var results = peers.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, results.Count);
        foreach (var r in results)
        {
            Assert.False(r.TryGetProperty("error", out var err), $"{r.GetProperty("reader")}: {err}");
            var rows = r.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(expected.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(expected[i].GetProperty("id").GetString(), rows[i].GetProperty("id").GetString());
                Assert.Equal(expected[i].GetProperty("text").GetString(), rows[i].GetProperty("text").GetString());
                Assert.Equal(expected[i].GetProperty("metadata").GetProperty("domain").GetString(), rows[i].GetProperty("domain").GetString());
            }
        }
    }

    [Fact]
    public void ParquetInput_RunsThroughThePipeline_AndConvertRoundTrips()
    {
        using var t = new TempDir("pq-in");
        Directory.CreateDirectory(t.File("in"));
        foreach (var f in Directory.GetFiles(RepoPaths.Sample("data", "train"), "brown-*.jsonl.gz"))
            Curate.Run("convert", f, t.File("in", Path.GetFileName(f).Replace(".jsonl.gz", ".parquet"))).EnsureSuccess();
        var r = Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={t.File("run")}",
            "--set", $"steps.curate.input.paths=[{t.File("in", "*.parquet")}]", "--set", "steps.curate.output.format=jsonl").EnsureSuccess();
        var stats = JsonDocument.Parse(Curate.Run("stats", t.File("run"), "--json").EnsureSuccess().StdOut).RootElement[0];
        Assert.Empty(stats.GetProperty("input").GetProperty("malformed").EnumerateObject());
        Assert.True(stats.GetProperty("docs_written").GetInt64() > 50);
        var line = JsonDocument.Parse(File.ReadLines(t.File("run", "curate", "00000.jsonl")).First()).RootElement;
        Assert.StartsWith("brown/", line.GetProperty("id").GetString());
        Assert.Equal("brown-fiction", line.GetProperty("metadata").GetProperty("domain").GetString());

        // JSONL → Parquet → JSONL keeps every document's id, text and metadata values.
        var src = RepoPaths.Sample("data", "train", "email-ham.jsonl.gz");
        Curate.Run("convert", src, t.File("ham.parquet")).EnsureSuccess();
        Curate.Run("convert", t.File("ham.parquet"), t.File("ham.jsonl")).EnsureSuccess();
        var original = ReadGz(src).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var back = File.ReadAllLines(t.File("ham.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(original.Count, back.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i].GetProperty("text").GetString(), back[i].GetProperty("text").GetString());
            Assert.Equal(original[i].GetProperty("id").GetString(), back[i].GetProperty("id").GetString());
            Assert.Equal(original[i].GetProperty("license").GetString(), back[i].GetProperty("license").GetString());
        }
    }

    private static IEnumerable<string> ReadGz(string path)
    {
        using var r = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        while (r.ReadLine() is { } l) yield return l;
    }
}
