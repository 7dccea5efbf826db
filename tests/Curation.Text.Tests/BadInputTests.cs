using System.Text;
using Curation.Text.Registry;
using Curation.Text.Rules;

namespace Curation.Text.Tests;

/// <summary>Empty text, a 20 MB single line, binary garbage and invalid surrogates go through every rule without a crash.</summary>
public sealed class BadInputTests
{
    private static IEnumerable<IDocumentRule> AllRules() =>
        RuleRegistry.Ids.Where(id => id != "c4_badwords")
            .Select(id => RuleRegistry.Create(id))
            .Append(new C4BadWordsRule(["badword"]));

    public static TheoryData<string> Inputs()
    {
        var rng = new Random(5);
        var garbage = new byte[200_000];
        rng.NextBytes(garbage);
        var surrogates = new StringBuilder();
        for (int i = 0; i < 50_000; i++) surrogates.Append((char)(0xD800 + rng.Next(0x800))).Append(i % 7 == 0 ? " x. " : "");
        return new TheoryData<string>
        {
            "",
            " ",
            "\n\n\n",
            Encoding.UTF8.GetString(garbage),
            Encoding.Latin1.GetString(garbage),
            surrogates.ToString(),
            new string('(', 300_000),
            string.Concat(Enumerable.Repeat("):", 150_000)),
            new string('.', 300_000) + "a@b.co",
            string.Concat(Enumerable.Repeat("a@", 50_000)) + ".com",
        };
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EveryRuleSurvives(string text)
    {
        foreach (var rule in AllRules())
        {
            var result = rule.Evaluate(text);
            Assert.NotNull(result);
            Assert.True(result.Kept || result.Reason is { Length: > 0 });
            var measures = rule.Measure(text);
            Assert.All(measures, m => Assert.False(string.IsNullOrEmpty(m.Name)));
        }
    }

    [Fact]
    public void TwentyMegabyteSingleLine()
    {
        var words = Crafted.UniqueWords(5000, 7, 77);
        var sb = new StringBuilder(20_000_000);
        int i = 0;
        while (sb.Length < 20_000_000) sb.Append(words[i++ % words.Length]).Append(i % 13 == 0 ? ". " : " ");
        string text = sb.ToString();
        foreach (var rule in new IDocumentRule[] { new GopherQualityRule(), new GopherRepetitionRule(), new C4QualityRule(), new FineWebQualityRule() })
        {
            var r = rule.Evaluate(text);
            Assert.True(r.Kept || r.Reason is { Length: > 0 });
        }
        Assert.Equal("gopher_long_doc", new GopherQualityRule().Evaluate(text).Reason);
    }
}
