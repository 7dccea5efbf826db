using Curation.Stages.Quality;
using Curation.Testing;
using static Curation.Stages.Tests.Quality.QualityRuns;

namespace Curation.Stages.Tests.Quality;

/// <summary>quality.percentile keeps the global top fraction, the same documents whatever the task count.</summary>
public sealed class PercentileTests(QualityModelFixture model) : IClassFixture<QualityModelFixture>
{
    private string Config(string output, int filesPerTask, double keepTop, double resolution) => $$"""
        run: {name: t, output: {{output}}, workers: 2, report: false}
        steps:
          - id: score
            input:
              paths: ["{{QualityModelFixture.Email}}", "{{RepoPaths.Sample("data", "train", "brown-*.jsonl.gz")}}"]
              files_per_task: {{filesPerTask}}
            stages:
              - {type: quality.fasttext, model: "{{model.ModelPath}}"}
            output: {format: jsonl}
          - id: top
            kind: quality.percentile
            input: {from: [score]}
            options: {key: quality_score, keep_top: {{keepTop}}, resolution: {{resolution}}}
            output: {format: jsonl}
        """;

    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(0.1, 1e-6)]
    [InlineData(0.55, 1e-3)]
    public async Task Keeps_the_top_fraction_and_the_same_documents_with_1_and_5_tasks(double keepTop, double resolution)
    {
        using var t = new TempDir();
        var five = await Run(Config(t.File("five"), 1, keepTop, resolution)); // 5 shards → 5 tasks
        var one = await Run(Config(t.File("one"), 5, keepTop, resolution));   // 1 task
        Assert.Equal(5, Directory.GetFiles(five.StepDir("score")).Length);
        Assert.Single(Directory.GetFiles(one.StepDir("score")));

        var scored = Documents(five, "score");
        var keptFive = Documents(five, "top").Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        var keptOne = Documents(one, "top").Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(keptOne, keptFive);

        // Independent expectation: the target-th highest score s*; keep everything in s*'s grid cell or above.
        var total = scored.Count;
        var target = (int)Math.Ceiling(keepTop * total - 1e-9);
        var grid = new ScoreGrid(resolution);
        var byScore = scored.OrderByDescending(d => Score(d)).ToList();
        var cutCell = grid.Cell(Score(byScore[target - 1]));
        var expected = scored.Where(d => grid.Cell(Score(d)) >= cutCell).Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, keptFive);
        var ties = scored.Count(d => grid.Cell(Score(d)) == cutCell);
        Assert.InRange(keptFive.Count, target, target + ties - 1);
        Assert.Equal(total, keptFive.Count + Documents(five, "top", "rejects").Count);

        var threshold = PercentileThreshold.Read(PercentileThresholdStep.ThresholdPath(five, "top"));
        Assert.Equal(total, threshold.Total);
        Assert.Equal(target, threshold.Target);
        Assert.Equal(keptFive.Count, threshold.Kept);
    }

    [Fact]
    public void Counts_files_round_trip_and_damage_names_file_and_offset()
    {
        using var t = new TempDir();
        var c = new ScoreCounts { Missing = 3 };
        var grid = new ScoreGrid(0);
        foreach (var s in new[] { -2.5, -0.0, 0.0, 0.25, 0.25, 1e-300, 7.0 }) c.Add(grid.Cell(s));
        var path = t.File("x.counts.bin");
        c.Write(path);
        var back = ScoreCounts.Read(path);
        Assert.Equal(c.Cells, back.Cells);
        Assert.Equal(3, back.Missing);
        Assert.Equal(new[] { -2.5, 0.0, 1e-300, 0.25, 7.0 }, back.Sorted().Cells.Select(grid.LowerEdge));

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<InvalidDataException>(() => ScoreCounts.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("byte 8", e.Message, StringComparison.Ordinal);
        bytes[16 + 16] = 0; bytes[16 + 16 + 7] = 0x80; // second cell now far below the first
        File.WriteAllBytes(path, bytes);
        Assert.Contains("byte 32", Assert.Throws<InvalidDataException>(() => ScoreCounts.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Threshold_counts_ties_in_the_cut_cell()
    {
        var c = new ScoreCounts();
        var grid = new ScoreGrid(0.1);
        foreach (var s in new[] { 0.95, 0.91, 0.55, 0.52, 0.51, 0.2, 0.1, 0.05, 0.0, 0.0 }) c.Add(grid.Cell(s));
        var t = PercentileThreshold.Compute(c, new PercentileOptions { KeepTop = 0.3, Resolution = 0.1 });
        Assert.Equal(3, t.Target);
        Assert.Equal(5, t.Kept); // 0.55, 0.52, 0.51 share the cell [0.5, 0.6)
        Assert.Equal(0.5, t.Score, 12);
    }
}
