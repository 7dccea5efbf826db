using Curation.FastText;
using Curation.Testing;
using static Curation.Stages.Tests.Quality.QualityRuns;

namespace Curation.Stages.Tests.Quality;

/// <summary>quality.fasttext and filter.quality_threshold run in a real pipeline.</summary>
public sealed class QualityStageTests(QualityModelFixture model) : IClassFixture<QualityModelFixture>
{
    private string Config(string output, string stages) => $$"""
        run: {name: t, output: {{output}}, workers: 2, report: false}
        steps:
          - id: score
            input: {paths: ["{{QualityModelFixture.Email}}"]}
            stages:
        {{stages}}
            output: {format: jsonl}
        """;

    [Fact]
    public async Task Scores_equal_the_classifier_on_the_same_texts()
    {
        using var t = new TempDir();
        var dir = await Run(Config(t.File("run"), $"      - {{type: quality.fasttext, model: \"{model.ModelPath}\", label: hq}}"));
        var docs = Documents(dir, "score");
        Assert.Equal(292, docs.Count);
        var classifier = FastTextClassifier.Load(model.ModelPath, "hq");
        foreach (var d in docs)
            Assert.Equal(classifier.Score(d.GetProperty("text").GetString()!), Score(d));
        // The model separates the classes: ham scores higher on average than spam.
        var ham = docs.Where(d => Meta(d, "domain") == "email-ham").Average(d => Score(d));
        var spam = docs.Where(d => Meta(d, "domain") == "email-spam").Average(d => Score(d));
        Assert.True(ham > spam + 0.3, $"ham {ham}, spam {spam}");
    }

    [Fact]
    public async Task Label_prob_is_the_named_labels_probability_among_all_labels()
    {
        using var t = new TempDir();
        var dir = await Run(Config(t.File("run"), $"      - {{type: quality.fasttext, model: \"{model.ModelPath}\", label: __label__lq, score: label_prob, key: p_lq}}"));
        var classifier = FastTextClassifier.Load(model.ModelPath, "lq");
        var docs = Documents(dir, "score");
        Assert.Equal(292, docs.Count);
        foreach (var d in docs)
        {
            var all = classifier.Predict(d.GetProperty("text").GetString()!, 2);
            Assert.Equal(all.Single(p => p.Label == "__label__lq").Probability, Score(d, "p_lq"));
        }
        // Spam is mostly the likelier class for spam.
        Assert.True(docs.Where(d => Meta(d, "domain") == "email-spam").Average(d => Score(d, "p_lq")) > 0.6);
    }

    [Fact]
    public async Task Threshold_keeps_scores_at_or_above_and_names_the_key_in_rejects()
    {
        using var t = new TempDir();
        var stages = $"      - {{type: quality.fasttext, model: \"{model.ModelPath}\", key: q}}\n" +
                     "      - {type: filter.quality_threshold, key: q, threshold: 0.6, max: 0.99}";
        var dir = await Run(Config(t.File("run"), stages));
        var kept = Documents(dir, "score");
        var rejected = Documents(dir, "score", "rejects");
        Assert.Equal(292, kept.Count + rejected.Count);
        Assert.NotEmpty(kept);
        Assert.All(kept, d => Assert.InRange(Score(d, "q"), 0.6, 0.99));
        var classifier = FastTextClassifier.Load(model.ModelPath, "hq");
        foreach (var r in rejected)
        {
            var s = classifier.Score(r.GetProperty("text").GetString()!);
            Assert.True(s < 0.6 || s > 0.99);
            Assert.Equal(s < 0.6 ? "q_below_threshold" : "q_above_max", r.GetProperty("metadata").GetProperty("reject_reason").GetString());
        }
    }

    [Fact]
    public void Missing_model_is_a_config_error_naming_the_file()
    {
        var yaml = Config("/tmp/unused-run", "      - {type: quality.fasttext, model: /nonexistent/model.bin}");
        var (kinds, ctx) = BuiltinRegistry.Create();
        var e = Assert.ThrowsAny<Exception>(() => new Curation.Pipeline.Execution.RunPlanner(kinds, ctx)
            .Plan(Curation.Pipeline.Config.ConfigLoader.Parse(yaml, "test.yaml")));
        Assert.Contains("/nonexistent/model.bin", e.Message, StringComparison.Ordinal);
    }
}
