using System.Text;
using System.Text.Json;
using Curation.FastText;
using Curation.Pipeline.Execution;
using Curation.Stages.Rephrase;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>The fastText post-filter keeps the best rewrites of each task and leaves originals alone.</summary>
public class RephrasePostFilterTests
{
    private static readonly string[] Good = ["clear", "precise", "explains", "evidence", "structured", "careful", "detailed", "accurate"];
    private static readonly string[] Bad = ["click", "buy", "cheap", "winner", "free", "spam", "offer", "now"];

    /// <summary>A tiny hq/lq classifier trained on word lists, saved as a .bin model.</summary>
    private static string TrainModel(TempDir t)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 400; i++)
        {
            var words = i % 2 == 0 ? Good : Bad;
            lines.Append(i % 2 == 0 ? "__label__hq " : "__label__lq ");
            lines.AppendLine(string.Join(' ', Enumerable.Range(0, 12).Select(j => words[(i * 7 + j * 3) % words.Length])));
        }
        File.WriteAllText(t.File("train.txt"), lines.ToString());
        var model = FastTextTrainer.Train(new FastTextArgs { Input = t.File("train.txt"), Dim = 8, Epoch = 20, Bucket = 10_000, Thread = 1, Verbose = 0, Seed = 1 });
        model.Save(t.File("quality.bin"));
        return t.File("quality.bin");
    }

    /// <summary>Rewrite n mixes good and bad words in proportion to n, so scores spread; every third document is an original.</summary>
    private static void WriteInput(string dir)
    {
        Directory.CreateDirectory(dir);
        using var w = new StreamWriter(Path.Combine(dir, "shard-00.jsonl"));
        for (var n = 0; n < 90; n++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 10).Select(j => j < n % 11 ? Good[(n + j) % Good.Length] : Bad[(n + j) % Bad.Length]));
            object metadata = n % 3 == 0 ? new { kind = "original" } : new { kind = "rewrite", parent_id = $"p{n}" };
            w.WriteLine(JsonSerializer.Serialize(new { id = $"d{n:D3}", text, metadata }));
        }
    }

    private static string Config(TempDir t, string model, string cut) => $$"""
        run: {output: '{{t.File("run")}}', workers: 1}
        steps:
          - id: rw
            input: {paths: ['{{t.File("in")}}/*.jsonl']}
            stages:
              - {type: rephrase.postfilter, model: '{{model}}', label: hq, {{cut}}}
            output: {format: jsonl}
        """;

    [Fact]
    public async Task KeepFraction_KeepsTheTopScoringRewrites_AndEveryOriginal()
    {
        using var t = new TempDir();
        var model = TrainModel(t);
        WriteInput(t.File("in"));
        var (result, dir) = await RephraseRuns.Run(Config(t, model, "keep_fraction: 0.1"));
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));

        var classifier = FastTextClassifier.Load(model, "hq");
        var inputs = File.ReadAllLines(t.File("in", "shard-00.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var rewrites = inputs.Where(d => d.GetProperty("metadata").TryGetProperty("parent_id", out _)).ToList();
        var expectedKept = rewrites.Select((d, i) => (Id: d.GetProperty("id").GetString()!, Score: classifier.Score(d.GetProperty("text").GetString()!), i))
            .OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(6).Select(x => x.Id).ToHashSet(); // ceil(0.1 * 60)

        var outputs = RephraseRuns.Records(dir, OutputKinds.Data);
        var keptRewrites = outputs.Where(o => RephraseRuns.Meta(o, "kind") == "rewrite").Select(o => o.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(expectedKept, keptRewrites);
        Assert.Equal(30, outputs.Count(o => RephraseRuns.Meta(o, "kind") == "original"));
        Assert.All(outputs.Where(o => RephraseRuns.Meta(o, "kind") == "original"), o => Assert.Equal("", RephraseRuns.Meta(o, "rephrase_score")));
        var rejects = RephraseRuns.Records(dir, OutputKinds.Rejects);
        Assert.Equal(54, rejects.Count);
        Assert.All(rejects, r => Assert.Equal(RephrasePostFilter.BelowTopFraction, RephraseRuns.Meta(r, "reject_reason")));
        var minKept = outputs.Where(o => keptRewrites.Contains(o.GetProperty("id").GetString()!)).Min(o => double.Parse(RephraseRuns.Meta(o, "rephrase_score"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rejects, r => Assert.True(double.Parse(RephraseRuns.Meta(r, "rephrase_score"), System.Globalization.CultureInfo.InvariantCulture) <= minKept));
        // The kept rewrites are the good-worded ones: the classifier really separates them.
        Assert.True(minKept > 0.5, $"lowest kept score {minKept}");
    }

    [Fact]
    public async Task MinScore_KeepsRewritesAtOrAboveTheThreshold()
    {
        using var t = new TempDir();
        var model = TrainModel(t);
        WriteInput(t.File("in"));
        var (result, dir) = await RephraseRuns.Run(Config(t, model, "min_score: 0.5"));
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => f.Error)));
        var classifier = FastTextClassifier.Load(model, "hq");
        var expected = File.ReadAllLines(t.File("in", "shard-00.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(d => !d.GetProperty("metadata").TryGetProperty("parent_id", out _) || classifier.Score(d.GetProperty("text").GetString()!) >= 0.5)
            .Select(d => d.GetProperty("id").GetString());
        Assert.Equal(expected, RephraseRuns.Records(dir, OutputKinds.Data).Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public void MissingModel_IsAConfigError()
    {
        var e = Assert.Throws<ArgumentException>(() => new RephrasePostFilter(new RephrasePostFilterOptions { Model = "/nonexistent/model.bin", Label = "hq", KeepFraction = 0.1 }, "pf"));
        Assert.Contains("/nonexistent/model.bin", e.Message, StringComparison.Ordinal);
    }
}
