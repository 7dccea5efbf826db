using Curation.Testing;

namespace Curation.Stages.Tests.Filters;

/// <summary>Annotate mode stores measures; the threshold-only stage reproduces direct filtering from them, with any thresholds.</summary>
public class AnnotateThresholdTests
{
    private static string[] Inputs => [RepoPaths.Sample("data", "train", "brown-news.jsonl.gz"), RepoPaths.Sample("data", "train", "email-ham.jsonl.gz"),
        RepoPaths.Sample("data", "train", "code-python.jsonl.gz"), RepoPaths.Sample("data", "train", "ml-fortunes.jsonl.gz")];

    [Theory]
    [InlineData("gopher_quality", "")]
    [InlineData("gopher_quality", "min_doc_words: 200")]
    [InlineData("gopher_repetition", "")]
    [InlineData("fineweb_quality", "short_line_thr: 0.3")]
    [InlineData("c4_paragraph", "min_paragraphs: 2")]
    public async Task AnnotateThenThreshold_KeepsTheSameDocumentsAsDirectFiltering(string rule, string thresholds)
    {
        using var t = new TempDir("annotate");
        var options = thresholds.Length == 0 ? "" : "\n        " + thresholds;
        var direct = await FilterRuns.Run(FilterRuns.Config(t.File("direct"), $"      - type: filter.{rule}{options}", Inputs));
        // Annotation is done once with default options; the thresholds are only given to the later decision.
        var annotated = await FilterRuns.Run(FilterRuns.Config(t.File("annotated"), $"      - type: filter.{rule}\n        mode: annotate", Inputs));
        var annotatedDocs = FilterRuns.Documents(annotated);
        Assert.Equal(FilterRuns.Stats(annotated).Input.Records, annotatedDocs.Count);   // annotate never drops
        var stored = t.File("annotated.jsonl");
        File.WriteAllLines(stored, annotatedDocs.Select(d => d.GetRawText()));
        var decided = await FilterRuns.Run(FilterRuns.Config(t.File("decided"), $"      - type: filter.threshold\n        rule: {rule}{options}", stored));

        var directKept = FilterRuns.Ids(FilterRuns.Documents(direct));
        Assert.NotEmpty(directKept);
        Assert.NotEmpty(FilterRuns.Rejects(direct));
        Assert.Equal(directKept, FilterRuns.Ids(FilterRuns.Documents(decided)));
        Assert.Equal(FilterRuns.Rejects(direct), FilterRuns.Rejects(decided));
    }

    [Fact]
    public async Task Annotate_WritesMeasuresIntoMetadata_AndChartsThemWithTheThreshold()
    {
        using var t = new TempDir("annotate-meta");
        var input = FilterRuns.Write(t.File("in.jsonl"), ("a", RuleStageTests.Prose, null), ("b", "Too short.", null));
        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"), "      - type: filter.gopher_quality\n        mode: annotate\n        min_doc_words: 40", input));
        var docs = FilterRuns.Documents(dir).ToDictionary(d => d.GetProperty("id").GetString()!);
        Assert.Equal(2, docs.Count);
        var words = docs["a"].GetProperty("metadata").GetProperty("gopher.word_count");
        Assert.Equal(System.Text.Json.JsonValueKind.Number, words.ValueKind);
        Assert.InRange(words.GetInt64(), 100, 140);
        Assert.Equal(2, docs["b"].GetProperty("metadata").GetProperty("gopher.word_count").GetInt64());
        var h = FilterRuns.Stats(dir).Stages.Single().Histograms["gopher.word_count"];
        Assert.Equal(2, h.Count);
        Assert.Equal(40, h.Threshold);
    }

    [Fact]
    public async Task Threshold_WithoutAnnotatedMeasures_FailsTheTaskNamingTheDocumentAndTheFix()
    {
        using var t = new TempDir("no-measures");
        var input = FilterRuns.Write(t.File("in.jsonl"), ("plain", RuleStageTests.Prose, null));
        var (result, _) = await FilterRuns.TryRun(FilterRuns.Config(t.File("run"), "      - type: filter.threshold\n        rule: gopher_quality", input));
        Assert.False(result.Succeeded);
        var error = result.Failures.Single().Error;
        Assert.Contains("plain", error);
        Assert.Contains("annotate", error);
    }

    [Fact]
    public async Task Threshold_WithoutRule_IsAConfigError()
    {
        using var t = new TempDir("no-rule");
        var input = FilterRuns.Write(t.File("in.jsonl"), ("a", RuleStageTests.Prose, null));
        var e = await Assert.ThrowsAsync<Curation.Pipeline.Config.ConfigException>(() =>
            FilterRuns.Run(FilterRuns.Config(t.File("run"), "      - type: filter.threshold", input)));
        Assert.Contains("rule", e.Message);
    }
}
