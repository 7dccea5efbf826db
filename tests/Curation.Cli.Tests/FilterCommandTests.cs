using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

/// <summary><c>curate filter</c> end to end, as a process.</summary>
public class FilterCommandTests
{
    [Fact]
    public void Filter_WritesKeptDocumentsAndRejectsWithReasons_MatchingTheFunnel()
    {
        using var t = new TempDir("filter-cmd");
        var run = t.File("out");
        var r = Curate.Run("filter", "--input", RepoPaths.Sample("data", "train", "brown-news.jsonl.gz"), "--input", RepoPaths.Sample("data", "train", "code-python.jsonl.gz"),
            "--output", run, "--rules", "gopher_quality,gopher_repetition,c4_quality,fineweb_quality", "--workers", "2").EnsureSuccess();
        var kept = ReadAll(Path.Combine(run, "filter"));
        var rejects = ReadAll(Path.Combine(run, "rejects", "filter"));
        Assert.NotEmpty(kept);
        Assert.NotEmpty(rejects);
        // Every path printed on stdout is an output file.
        var printed = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(printed, p => Assert.True(File.Exists(p), p));
        Assert.Contains(printed, p => p.Contains("/rejects/filter/", StringComparison.Ordinal));
        // Python code does not pass Gopher's prose rules; Brown news mostly does.
        Assert.All(kept, d => Assert.Equal("brown-news", d.GetProperty("metadata").GetProperty("domain").GetString()));
        Assert.Contains(rejects, d => d.GetProperty("metadata").GetProperty("reject_reason").GetString() == "gopher_below_alpha_threshold");
        Assert.All(rejects, d => Assert.StartsWith("filter.", d.GetProperty("metadata").GetProperty("reject_stage").GetString()));
        // The funnel on stderr agrees with the files.
        Assert.Contains($"written: {kept.Count} documents", r.StdErr);
        Assert.Contains("filter.gopher_quality:", r.StdErr);
        var inputs = ReadGz(RepoPaths.Sample("data", "train", "brown-news.jsonl.gz")).Count + ReadGz(RepoPaths.Sample("data", "train", "code-python.jsonl.gz")).Count;
        Assert.Equal(inputs, kept.Count + rejects.Count);
    }

    [Fact]
    public void Filter_WithUnknownRule_ExitsWithUsageErrorListingTheRules()
    {
        using var t = new TempDir("filter-bad");
        var r = Curate.Run("filter", "--input", RepoPaths.Sample("data", "train", "brown-news.jsonl.gz"), "--output", t.File("out"), "--rules", "gopher_quality,gopher_qualty");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("gopher_qualty", r.StdErr);
        Assert.Contains("fineweb_quality", r.StdErr);
        Assert.False(Directory.Exists(t.File("out")));
    }

    private static List<JsonElement> ReadAll(string folder) =>
        Directory.EnumerateFiles(folder, "*.jsonl.gz").Order(StringComparer.Ordinal).SelectMany(ReadGz).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static List<string> ReadGz(string path)
    {
        using var r = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        var lines = new List<string>();
        while (r.ReadLine() is { } l) if (l.Length > 0) lines.Add(l);
        return lines;
    }
}
