using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

/// <summary>
/// The nightly case: a corpus deduplicated with a persistent index, then ~10% new shards (with copies of old
/// documents) arrive and <c>curate refresh</c> processes only them; the kept set over all versions must equal a
/// from-scratch dedup of every shard.
/// </summary>
public class NightlyDedupTests
{
    private static string Words(Random rng, int n)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            var w = rng.Next(20000);
            sb.Append(i == 0 ? "" : " ").Append((char)('a' + w % 26)).Append((char)('a' + w / 26 % 26)).Append((char)('a' + w / 676 % 26)).Append(w / 17576);
        }
        return sb.ToString();
    }

    private static string Perturb(string text, Random rng)
    {
        var words = text.Split(' ');
        words[rng.Next(words.Length)] = "edited";
        return string.Join(' ', words);
    }

    private static void WriteShard(string path, IEnumerable<(string Id, string Text)> docs) =>
        File.WriteAllLines(path, docs.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text })));

    private static string Config(string inputGlob, string output, string index) => $$"""
        run:
          name: nightly
          output: {{output}}
          workers: 2
          report: false
        steps:
          - id: dedup
            kind: dedup.minhash
            input:
              paths: ["{{inputGlob}}"]
            output:
              format: jsonl.gz
            options:
              threshold: 0.8
              index_dir: {{index}}
        """;

    private static HashSet<string> Ids(IEnumerable<string> files)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            using var r = new StreamReader(new GZipStream(File.OpenRead(f), CompressionMode.Decompress));
            while (r.ReadLine() is { } line)
                Assert.True(ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!), "a document is kept twice across versions");
        }
        return ids;
    }

    [Fact]
    public void Refresh_DedupsOnlyNewShards_AgainstTheIndex_AndKeepsWhatAFullRunKeeps()
    {
        using var t = new TempDir("nightly");
        Directory.CreateDirectory(t.File("in"));
        var rng = new Random(12);
        var old = new List<List<(string, string)>>();
        for (var s = 0; s < 10; s++)
        {
            var shard = new List<(string, string)>();
            for (var i = 0; i < 30; i++) shard.Add(($"a{s:D2}-{i:D2}", Words(rng, 120)));
            old.Add(shard);
        }
        old[3].Add(("a03-dup", Perturb(old[1][5].Item2, rng))); // a duplicate inside the first batch
        for (var s = 0; s < 10; s++) WriteShard(t.File("in", $"old{s:D2}.jsonl"), old[s]);

        var cfg = t.File("nightly.yaml");
        File.WriteAllText(cfg, Config(t.File("in", "*.jsonl"), t.File("nightly"), t.File("nightly", "dedup-index")));
        Assert.Contains("version 1: 10 new", Curate.Run("refresh", cfg).EnsureSuccess().StdOut);

        // ~10% new data: fresh documents, near-copies and an exact copy of old ones, and a pair duplicated among themselves.
        var fresh = new List<(string, string)>();
        for (var i = 0; i < 25; i++) fresh.Add(($"b-{i:D2}", Words(rng, 120)));
        fresh.Add(("b-copy-1", Perturb(old[0][0].Item2, rng)));
        fresh.Add(("b-copy-2", Perturb(old[7][12].Item2, rng)));
        fresh.Add(("b-copy-3", old[9][29].Item2));
        fresh.Add(("b-copy-4", Perturb(old[1][5].Item2, rng)));
        fresh.Add(("b-twin", Perturb(fresh[3].Item2, rng)));
        WriteShard(t.File("in", "new00.jsonl"), fresh);

        var second = Curate.Run("refresh", cfg).EnsureSuccess().StdOut;
        Assert.Contains("version 2: 1 new and 0 changed", second);
        var v2 = JsonDocument.Parse(File.ReadAllText(t.File("nightly", "v0002", "manifest.json"))).RootElement;
        var signatureTasks = v2.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "dedup.signatures").GetProperty("tasks").GetInt32();
        Assert.Equal(1, signatureTasks); // only the new shard was read

        var corpus = JsonDocument.Parse(File.ReadAllText(t.File("nightly", "manifest.json"))).RootElement;
        var incremental = Ids(corpus.GetProperty("outputs").EnumerateArray().Select(o => t.File("nightly", o.GetProperty("path").GetString()!)));

        File.WriteAllText(t.File("full.yaml"), Config(t.File("in", "*.jsonl"), t.File("full"), t.File("full-index")));
        Curate.Run("run", t.File("full.yaml")).EnsureSuccess();
        var full = Ids(Directory.GetFiles(t.File("full", "dedup.filter"), "*.jsonl.gz"));

        Assert.Equal(full.Order(StringComparer.Ordinal), incremental.Order(StringComparer.Ordinal));
        foreach (var removed in new[] { "a03-dup", "b-copy-1", "b-copy-2", "b-copy-3", "b-copy-4", "b-twin" }) Assert.DoesNotContain(removed, full);
        Assert.Equal(301 - 1 + 30 - 5, full.Count); // old: one in-batch copy; new: four copies of old documents and one twin
    }

    [Fact]
    public void CurateDedupShortcut_WritesKeptDocumentsAndClusters_AndAppendsToTheIndex()
    {
        using var t = new TempDir("dedup-cli");
        Directory.CreateDirectory(t.File("a"));
        Directory.CreateDirectory(t.File("b"));
        var rng = new Random(3);
        var docs = Enumerable.Range(0, 40).Select(i => ($"a-{i:D2}", Words(rng, 100))).ToList();
        WriteShard(t.File("a", "x.jsonl"), docs.Take(20));
        WriteShard(t.File("a", "y.jsonl"), docs.Skip(20).Append(("a-zcopy", Perturb(docs[4].Item2, rng))));
        var stdout = Curate.Run("dedup", "--input", t.File("a", "*.jsonl"), "--output", t.File("out1"), "--bands", "14", "--rows", "8",
            "--index", t.File("index"), "--workers", "2").EnsureSuccess().StdOut;
        Assert.Contains(t.File("out1", "clusters.jsonl"), stdout);
        var clusters = File.ReadAllLines(t.File("out1", "clusters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(41, clusters.Count);
        var removed = clusters.Single(c => !c.GetProperty("kept").GetBoolean());
        Assert.Equal("a-zcopy", removed.GetProperty("id").GetString());
        Assert.Equal("a-04", removed.GetProperty("cluster").GetString());
        Assert.Equal(40, Ids(Directory.GetFiles(t.File("out1"), "*.jsonl.gz")).Count);

        // A second batch against the index: only its copy of a first-batch document goes, with the old cluster id.
        WriteShard(t.File("b", "z.jsonl"), [("0-new", Words(rng, 100)), ("0-copy", Perturb(docs[30].Item2, rng))]);
        Curate.Run("dedup", "--input", t.File("b", "*.jsonl"), "--output", t.File("out2"), "--index", t.File("index")).EnsureSuccess();
        var second = File.ReadAllLines(t.File("out2", "clusters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var copy = second.Single(c => c.GetProperty("id").GetString() == "0-copy");
        Assert.False(copy.GetProperty("kept").GetBoolean());
        Assert.Equal("a-30", copy.GetProperty("cluster").GetString());
        Assert.Equal(["0-new"], Ids(Directory.GetFiles(t.File("out2"), "*.jsonl.gz")));

        var bad = Curate.Run("dedup", "--input", t.File("b", "*.jsonl"), "--output", t.File("out3"), "--bands", "4");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--bands and --rows go together", bad.StdErr);
    }

    [Fact]
    public void SampleDedupConfig_RunsOnTheSampleCorpus()
    {
        using var t = new TempDir("dedup-sample");
        Curate.Run("run", RepoPaths.Sample("dedup.yaml"), "--set", $"run.output={t.File("run")}").EnsureSuccess();
        var clusters = File.ReadAllLines(t.File("run", "clusters", "dedup.clusters", "00000.clusters.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var removed = clusters.Count(c => !c.GetProperty("kept").GetBoolean());
        Assert.True(removed > 0, "the sample corpus holds near-duplicates");
        Assert.Equal(clusters.Count - removed, Ids(Directory.GetFiles(t.File("run", "dedup.filter"), "*.jsonl.gz")).Count);
        var chart = JsonDocument.Parse(File.ReadAllText(t.File("run", "report", "dedup", "cluster_sizes.json"))).RootElement;
        Assert.Contains("(" + removed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " of " + clusters.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " removed", chart.GetProperty("title").GetString());
    }
}
