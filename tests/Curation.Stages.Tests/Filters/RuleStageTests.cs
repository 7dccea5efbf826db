using Curation.Testing;

namespace Curation.Stages.Tests.Filters;

/// <summary>Each rule stage through a real run: a document on each side of its threshold, drops in rejects with the rule's reason.</summary>
public class RuleStageTests
{
    internal const string Prose =
        "The committee met on Tuesday to discuss the budget for the coming year and the plans of the town. " +
        "Members agreed that the library should have longer opening hours and that the park needs new benches. " +
        "The chair thanked the volunteers who had organised the spring fair, and said that the money would go to the school. " +
        "After a short debate, the proposal to repair the old bridge was approved with a large majority of the votes. " +
        "The next meeting will be held in the town hall at the end of the month, and everyone is welcome to attend it. " +
        "Tea and cake will be served after the meeting, with thanks to the bakery that has offered them for free.";

    private static readonly string LongLine = string.Join(" ", Enumerable.Repeat("This is a long line of ordinary prose that keeps going.", 5));

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "      - type: filter.gopher_quality", Prose, "The cat sat on the mat.", "gopher_short_doc" },
        { "      - type: filter.gopher_repetition", Prose, string.Concat(Enumerable.Repeat("The same line appears again and again in this text.\n", 12)), "dup_line_frac" },
        { "      - type: filter.c4_quality", Prose, Prose + " Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "lorem_ipsum" },
        { "      - type: filter.c4_badwords\n        words: [frobnicate]", Prose, Prose + " They frobnicate it.", "document_removed_with_badwords" },
        { "      - type: filter.c4_paragraph", $"{LongLine}\n{LongLine}\n{LongLine}", Prose, "< 3 paragraphs" },
        { "      - type: filter.fineweb_quality", Prose.Replace(". ", ".\n"), "apple\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\nhoneydew", "line_punct_ratio" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stage_KeepsOneSideOfTheThreshold_AndRejectsTheOtherWithTheRulesReason(string stage, string kept, string dropped, string reason)
    {
        using var t = new TempDir("rule-stage");
        var input = FilterRuns.Write(t.File("in.jsonl"), ("keep", kept, null), ("drop", dropped, null));
        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"), stage, input));
        Assert.Equal(["keep"], FilterRuns.Ids(FilterRuns.Documents(dir)));
        Assert.Equal(new Dictionary<string, string> { ["drop"] = reason }, FilterRuns.Rejects(dir));
        var stats = FilterRuns.Stats(dir).Stages.Single();
        Assert.Equal(1, stats.Dropped[reason]);
        var rejected = FilterRuns.Documents(dir, "rejects").Single();
        Assert.Equal(dropped, rejected.GetProperty("text").GetString());   // the original, not an edited copy
        Assert.StartsWith("filter.", rejected.GetProperty("metadata").GetProperty("reject_stage").GetString());
    }

    [Fact]
    public async Task UrlFilter_ReadsTheUrlFromMetadata_AndKeepsDocumentsWithoutOne()
    {
        using var t = new TempDir("url-stage");
        var input = FilterRuns.Write(t.File("in.jsonl"),
            ("good", Prose, new { url = "https://news.example.org/a" }),
            ("bad", Prose, new { url = "https://www.blocked.example/page" }),
            ("none", Prose, null));
        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"), "      - type: filter.url\n        extra_domains: [blocked.example]", input));
        Assert.Equal(["good", "none"], FilterRuns.Ids(FilterRuns.Documents(dir)));
        Assert.Equal(["bad"], FilterRuns.Rejects(dir).Keys);
        Assert.Equal(1, FilterRuns.Stats(dir).Stages.Single().Counters["url.missing_url"]);
    }

    [Fact]
    public async Task MapStages_EditTheText_AndCountWhatTheyChanged()
    {
        using var t = new TempDir("map-stages");
        var input = FilterRuns.Write(t.File("in.jsonl"),
            ("a", "Write to alice@company.com   or   bob@company.com today.\u0007", null),
            ("b", "Nothing to change here.", null));
        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"),
            "      - type: normalize.unicode\n      - type: normalize.whitespace\n      - type: pii.redact", input));
        var docs = FilterRuns.Documents(dir).ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("text").GetString()!);
        Assert.Equal("Nothing to change here.", docs["b"]);
        Assert.DoesNotContain("alice@company.com", docs["a"]);
        Assert.DoesNotContain("\u0007", docs["a"]);
        Assert.DoesNotContain("   ", docs["a"]);
        Assert.EndsWith("today.", docs["a"]);
        var stages = FilterRuns.Stats(dir).Stages.ToDictionary(s => s.StageId);
        Assert.Equal(2, stages["pii.redact"].Counters["pii.emails"]);
        Assert.Equal(1, stages["normalize.unicode"].Counters["unicode.controls_removed"]);
        Assert.Equal(1, stages["normalize.whitespace"].Counters["whitespace.changed"]);
        Assert.All(stages.Values, s => Assert.Equal(0, s.DroppedTotal));
    }

    [Fact]
    public async Task PerLanguageOverride_ChangesTheDecision_ByTheConfiguredMetadataKey()
    {
        using var t = new TempDir("lang");
        const string german = "Der Hund und die Katze sind nicht zu Hause, das ist ein Problem für die Familie und für den Nachbarn. " +
                              "Die Kinder suchen sie im Garten und im Park, aber sie finden sie nicht, und das ist sehr traurig. " +
                              "Am Abend kommen beide zurück, und die Familie ist froh, dass die Tiere wieder da sind und essen.";
        var input = FilterRuns.Write(t.File("in.jsonl"), ("de", german, new { lang = "de" }), ("xx", german, new { lang = "xx" }), ("meta", german, new { sprache = "de" }));
        const string stage = "      - type: filter.gopher_quality\n        languages:\n          de: {stop_words: [der, die, und, das]}";
        var dir = await FilterRuns.Run(FilterRuns.Config(t.File("run"), stage, input));
        Assert.Equal(["de"], FilterRuns.Ids(FilterRuns.Documents(dir)));
        Assert.Equal("gopher_enough_stop_words", FilterRuns.Rejects(dir)["xx"]);

        var keyed = await FilterRuns.Run(FilterRuns.Config(t.File("run2"), stage + "\n        language_key: sprache", input));
        Assert.Equal(["meta"], FilterRuns.Ids(FilterRuns.Documents(keyed)));
    }

    [Fact]
    public async Task UnknownRuleOption_IsAConfigErrorNamingIt()
    {
        using var t = new TempDir("bad-option");
        var input = FilterRuns.Write(t.File("in.jsonl"), ("a", Prose, null));
        var e = await Assert.ThrowsAsync<Curation.Pipeline.Config.ConfigException>(() =>
            FilterRuns.Run(FilterRuns.Config(t.File("run"), "      - type: filter.gopher_quality\n        min_doc_wrds: 3", input)));
        Assert.Contains("min_doc_wrds", e.Message);
        Assert.Contains("min_doc_words", e.Message);
    }
}
