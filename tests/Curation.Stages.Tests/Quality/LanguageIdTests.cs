using Curation.FastText;
using Curation.Testing;
using static Curation.Stages.Tests.Quality.QualityRuns;

namespace Curation.Stages.Tests.Quality;

/// <summary>lang.fasttext on real multilingual sample documents (Debian handbook translations, Reina-Valera).</summary>
public sealed class LanguageIdTests
{
    private static string Config(string output, string glob, string options) => $$"""
        run: {name: t, output: {{output}}, workers: 1, report: false}
        steps:
          - id: lid
            input: {paths: ["{{glob}}"]}
            stages:
              - {type: lang.fasttext{{options}}}
            output: {format: jsonl}
        """;

    [Fact]
    public async Task Writes_the_right_language_on_the_handbook_translations()
    {
        using var t = new TempDir();
        var dir = await Run(Config(t.File("run"), RepoPaths.Sample("data", "train", "ml-debian-handbook.jsonl.gz"), ", threshold: 0"));
        var docs = Documents(dir, "lid");
        Assert.Equal(34, docs.Count);
        string[] checkedLanguages = ["fr", "de", "it", "es", "ru", "nl", "pl", "cs", "tr", "ar", "ja", "pt", "en"];
        var checkedDocs = 0;
        foreach (var d in docs)
        {
            var expected = Meta(d, "lang").Split('-')[0];
            if (!checkedLanguages.Contains(expected)) continue;
            checkedDocs++;
            Assert.Equal(expected, Meta(d, "language"));
            var score = Score(d, "language_score");
            Assert.Equal((double)LanguageIdentifier.Default.Identify(d.GetProperty("text").GetString()!.Replace('\n', ' ')).Score, score);
        }
        Assert.True(checkedDocs >= 15, $"{checkedDocs} documents checked");
    }

    [Fact]
    public async Task Keep_list_and_threshold_drop_with_reasons()
    {
        using var t = new TempDir();
        var glob = RepoPaths.Sample("data", "train", "ml-*.jsonl.gz");
        var dir = await Run(Config(t.File("run"), glob, ", languages: [es, __label__fr]"));
        var kept = Documents(dir, "lid");
        var rejected = Documents(dir, "lid", "rejects");
        Assert.Contains(kept, d => Meta(d, "language") == "fr");
        Assert.True(kept.Count(d => Meta(d, "language") == "es") >= 70, "the Spanish bible chapters are kept");
        Assert.All(kept, d => Assert.Contains(Meta(d, "language"), new[] { "es", "fr" }));
        Assert.All(kept, d => Assert.True(Score(d, "language_score") > 0.65));
        Assert.Contains(rejected, r => r.ToString().Contains("language_not_kept", StringComparison.Ordinal));
        Assert.Contains(rejected, r => r.ToString().Contains("language_score_below_threshold", StringComparison.Ordinal));
    }
}
