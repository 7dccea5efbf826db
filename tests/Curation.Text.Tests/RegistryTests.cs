using Curation.Text.Registry;
using Curation.Text.Rules;

namespace Curation.Text.Tests;

/// <summary>Building rules by id from option dictionaries, with per-language overrides.</summary>
public sealed class RegistryTests
{
    [Fact]
    public void BuildsEveryRuleWithDefaults()
    {
        foreach (var id in RuleRegistry.Ids.Where(i => i != "c4_badwords"))
        {
            var rule = RuleRegistry.Create(id);
            Assert.Equal(id, rule.Id);
        }
        Assert.Equal("c4_badwords", RuleRegistry.Create("c4_badwords", new Dictionary<string, object?> { ["words"] = new[] { "x" } }).Id);
    }

    [Fact]
    public void RejectsUnknownRulesAndOptions()
    {
        var e = Assert.Throws<ArgumentException>(() => RuleRegistry.Create("gopher_quality", new Dictionary<string, object?> { ["min_doc_wrds"] = 5 }));
        Assert.Contains("min_doc_wrds", e.Message);
        Assert.Throws<ArgumentException>(() => RuleRegistry.Create("nope"));
        Assert.Throws<ArgumentException>(() => RuleRegistry.Create("gopher_quality", new Dictionary<string, object?> { ["min_doc_words"] = "many" }));
        Assert.Throws<ArgumentException>(() => RuleRegistry.Create("c4_badwords"));
    }

    [Fact]
    public void AppliesOverridesAndPerLanguageThresholds()
    {
        string doc = Crafted.Prose(30);
        var rules = RuleRegistry.CreateForLanguages("gopher_quality", new Dictionary<string, object?>
        {
            ["min_doc_words"] = 40L,
            ["languages"] = new Dictionary<string, object?> { ["de"] = new Dictionary<string, object?> { ["min_doc_words"] = "20" } },
        });
        Assert.Equal("gopher_short_doc", rules.For("en").Evaluate(doc).Reason);
        Assert.Equal("gopher_short_doc", rules.For(null).Evaluate(doc).Reason);
        Assert.True(rules.For("de").Evaluate(doc).Kept);
        Assert.Equal(["de"], rules.Languages);
    }

    [Fact]
    public void BadWordListsPerLanguage()
    {
        var rules = RuleRegistry.CreateForLanguages("c4_badwords", new Dictionary<string, object?>
        {
            ["fail_on_missing_language"] = false,
            ["languages"] = new Dictionary<string, object?>
            {
                ["en"] = new Dictionary<string, object?> { ["words"] = new[] { "darn" } },
                ["zh"] = new Dictionary<string, object?> { ["words"] = new[] { "坏词", "性" } },
            },
        });
        Assert.False(rules.For("en").Evaluate("well darn it").Kept);
        Assert.True(rules.For("de").Evaluate("well darn it").Kept);
        Assert.False(rules.For("zh").Evaluate("这是坏词吗").Kept);
        Assert.True(rules.For("zh").Evaluate("性格").Kept);   // datatrove's allow-list for zh
        Assert.Throws<ArgumentException>(() => RuleRegistry.CreateForLanguages("c4_badwords",
            new Dictionary<string, object?> { ["languages"] = new Dictionary<string, object?> { ["en"] = new Dictionary<string, object?> { ["words"] = new[] { "x" } } } }));
    }

    [Fact]
    public void ParsesNGramTablesAndDisabling()
    {
        var rule = (GopherRepetitionRule)RuleRegistry.Create("gopher_repetition", new Dictionary<string, object?>
        {
            ["top_n_grams"] = new Dictionary<object, object?> { ["2"] = 0.5, ["3"] = 0.4 },
            ["dup_n_grams"] = new List<object> { new object[] { 5, 0.3 } },
            ["dup_line_frac"] = null,
        });
        Assert.Equal([(2, 0.5), (3, 0.4)], rule.Options.TopNGrams);
        Assert.Equal([(5, 0.3)], rule.Options.DupNGrams);
        Assert.Null(rule.Options.DupLineFrac);
        var c4 = (C4QualityRule)RuleRegistry.Create("c4_quality", new Dictionary<string, object?> { ["filter_no_terminal_punct"] = "false" });
        Assert.False(c4.Options.FilterNoTerminalPunct);
    }

    [Fact]
    public void DecideFromStoredMeasuresAgreesWithEvaluateOnTheFixtureSet()
    {
        IDocumentRule[] rules = [new GopherQualityRule(), new GopherRepetitionRule(), new C4QualityRule(), new FineWebQualityRule(), new C4ParagraphRule()];
        foreach (var doc in ParityCorpus.Shared.Documents)
        {
            foreach (var rule in rules)
            {
                var measures = rule.Measure(doc.Text).ToDictionary(m => m.Name, m => m.Value);
                Assert.True(rule.Evaluate(doc.Text).Reason == rule.Decide(measures).Reason, $"{rule.Id} on {doc.Id}");
            }
        }
    }
}
