using Curation.Text.Rules;

namespace Curation.Text.Tests;

/// <summary>Gopher repetition, FineWeb quality and C4 paragraph rules on both sides of their thresholds.</summary>
public sealed class RepetitionAndFineWebThresholdTests
{
    private static string? Reason(IDocumentRule rule, string text)
    {
        var r = rule.Evaluate(text);
        Assert.Equal(r.Reason, rule.Decide(rule.Measure(text).ToDictionary(m => m.Name, m => m.Value)).Reason);
        return r.Reason;
    }

    [Fact]
    public void DuplicateLinesAndParagraphs()
    {
        var rule = new GopherRepetitionRule();
        var unique = Enumerable.Range(0, 10).Select(i => Crafted.Sentence(30, i + 100)).ToArray();
        string Lines(int copies, string sep) => string.Join(sep, unique.Take(10 - copies).Concat(Enumerable.Repeat("Reply", copies)));
        // 4 copies are 3 repeats among 10 lines, exactly 0.3 (kept); 5 copies are 4 repeats. The repeated line is short,
        // so its character share stays low.
        Assert.Null(Reason(rule, Lines(4, "\n")));
        Assert.Equal("dup_line_frac", Reason(rule, Lines(5, "\n")));
        Assert.Null(Reason(rule, Lines(4, "\n\n")));
        Assert.Equal("dup_para_frac", Reason(rule, Lines(5, "\n\n")));
    }

    [Fact]
    public void TopBigramCharacterShare()
    {
        var rule = new GopherRepetitionRule();
        string Doc(int fillerLength)
        {
            var fillers = Crafted.UniqueWords(40, fillerLength, 7);
            return string.Join(' ', fillers.Select(f => "aaaaa bbbbb " + f));
        }
        // share = 40 * 11 / (40 * (13 + L) - 1): L = 42 gives 0.2001, L = 43 gives 0.1965.
        Assert.Equal("top_2_gram", Reason(rule, Doc(42)));
        Assert.Null(Reason(rule, Doc(43)));
    }

    [Fact]
    public void DuplicatedFiveGrams()
    {
        var rule = new GopherRepetitionRule(new GopherRepetitionOptions { TopNGrams = [] });
        var passage = string.Join(' ', Crafted.UniqueWords(5, 10, 21));      // 50 characters joined without spaces
        string Doc(int fillerWords) => passage + " " + string.Join(' ', Crafted.UniqueWords(fillerWords, 8, 22)) + " " + passage;
        double Share(string d) => rule.Measure(d).Single(m => m.Name == GopherRepetitionRule.DupGramMeasure(5)).Value;
        string keep = Doc(26), drop = Doc(24);   // 50 / 343 = 0.146 and 50 / 325 = 0.154
        Assert.Equal(50.0 / keep.Length, Share(keep), 12);
        Assert.True(Share(keep) <= 0.15 && Share(drop) > 0.15);
        Assert.Null(Reason(rule, keep));
        Assert.Equal("duplicated_5_n_grams", Reason(rule, drop));
    }

    [Fact]
    public void FineWebRules()
    {
        var rule = new FineWebQualityRule();
        Assert.Equal("empty", Reason(rule, " \n \n"));
        string Long(int i) => "line number " + i + " has enough characters in it";
        string Punct(int terminal, int total) =>
            string.Join('\n', Enumerable.Range(0, total).Select(i => Long(i) + (i < terminal ? "." : "")));
        Assert.Null(Reason(rule, Punct(12, 100)));
        Assert.Equal("line_punct_ratio", Reason(rule, Punct(11, 100)));
        string Short(int shortLines) =>
            string.Join('\n', Enumerable.Range(0, 100).Select(i => i < shortLines ? $"short {i}." : Long(i) + "."));
        Assert.Null(Reason(rule, Short(67)));
        Assert.Equal("short_line_ratio", Reason(rule, Short(68)));
        var body = string.Join('\n', Enumerable.Range(0, 40).Select(i => Crafted.Sentence(12, i + 300)));
        Assert.Equal("char_dup_ratio", Reason(rule, body + "\nThis exact line is repeated twice here.\nThis exact line is repeated twice here."));
        Assert.Null(Reason(rule, body));
        // Three words per line (two words and the period) over 30 characters: 49 newlines / 150 words > 0.3.
        Assert.Equal("list_ratio", Reason(rule, string.Join('\n', Enumerable.Range(0, 50).Select(i => $"Itemnumberwithalongname{i} extraordinarily."))));
    }

    [Fact]
    public void C4ParagraphRule()
    {
        var rule = new C4ParagraphRule();
        string Para(int len) => new string('x', len);
        Assert.Null(Reason(rule, string.Join('\n', Para(200), Para(200), "short", Para(300))));
        Assert.Equal("< 3 paragraphs", Reason(rule, string.Join('\n', Para(200), Para(199), "short", Para(300))));
    }
}
