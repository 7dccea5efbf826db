using Curation.Text.Rules;

namespace Curation.Text.Tests;

/// <summary>Gopher quality on both sides of every threshold (datatrove's defaults and definitions).</summary>
public sealed class GopherQualityThresholdTests
{
    private static readonly GopherQualityRule Rule = new();

    private static string? Reason(string text)
    {
        var r = Rule.Evaluate(text);
        var fromMeasures = Rule.Decide(Rule.Measure(text).ToDictionary(m => m.Name, m => m.Value));
        Assert.Equal(r.Reason, fromMeasures.Reason);
        return r.Reason;
    }

    [Fact]
    public void WordCountCountsOnlyNonSymbolWords()
    {
        Assert.Equal("gopher_short_doc", Reason(Crafted.Prose(49)));
        Assert.Null(Reason(Crafted.Prose(50)));
        // Standalone '$' is in datatrove's punctuation set, so it is no word; '€' is not, so it counts.
        Assert.Equal("gopher_short_doc", Reason(Crafted.Prose(48) + " $ $"));
        Assert.Null(Reason(Crafted.Prose(48) + " € €"));
    }

    [Fact]
    public void LongDocumentLimit()
    {
        // Seven-letter random words: none is a contraction special case ("dont" would count as two words).
        Assert.Null(Reason(Crafted.Prose(100_000, 7)));
        Assert.Equal("gopher_long_doc", Reason(Crafted.Prose(100_001, 7)));
    }

    [Fact]
    public void MeanWordLengthBounds()
    {
        string Doc(int len) => "the and " + string.Join(' ', Crafted.UniqueWords(300, len, 3).Take(48));
        Assert.Equal("gopher_below_avg_threshold", Reason(Doc(2)));
        Assert.Null(Reason(Doc(3)));                                  // (48*3 + 6) / 50 = 3.0 is not below 3
        Assert.Null(Reason(Doc(10)));                                 // 9.72
        Assert.Equal("gopher_above_avg_threshold", Reason(Doc(11)));  // 10.68
    }

    [Fact]
    public void HashAndEllipsisRatios()
    {
        string baseDoc = Crafted.Prose(99);
        Assert.Null(Reason(string.Concat(Enumerable.Repeat("# ", 11)) + baseDoc));          // 11 / 110
        Assert.Equal("gopher_too_many_hashes", Reason(string.Concat(Enumerable.Repeat("# ", 12)) + baseDoc)); // 12 / 111
        Assert.Null(Reason(string.Concat(Enumerable.Repeat("... ", 11)) + baseDoc));
        Assert.Equal("gopher_too_many_ellipsis", Reason(string.Concat(Enumerable.Repeat("… ", 12)) + baseDoc));
    }

    [Fact]
    public void BulletAndEllipsisLines()
    {
        var lines = Enumerable.Range(0, 10).Select(i => Crafted.Prose(12, 5, i + 10)).ToArray();
        string Bulleted(int n) => string.Join('\n', lines.Select((l, i) => i < n ? "- " + l : l));
        Assert.Null(Reason(Bulleted(9)));
        Assert.Equal("gopher_too_many_bullets", Reason(Bulleted(10)));
        string Ellipsed(int n) => string.Join('\n', lines.Select((l, i) => i < n ? l + "..." : l));
        Assert.Null(Reason(Ellipsed(3)));
        Assert.Equal("gopher_too_many_end_ellipsis", Reason(Ellipsed(4)));
    }

    [Fact]
    public void AlphaWordShareAndStopWords()
    {
        string Doc(int numbers) => Crafted.Prose(100 - numbers) + string.Concat(Enumerable.Range(0, numbers).Select(i => $" {1000 + i}"));
        Assert.Null(Reason(Doc(20)));                                        // 80 / 100
        Assert.Equal("gopher_below_alpha_threshold", Reason(Doc(21)));       // 79 / 100
        var words = Crafted.UniqueWords(60, 5, 9);
        Assert.Equal("gopher_enough_stop_words", Reason("the " + string.Join(' ', words)));
        Assert.Equal("gopher_enough_stop_words", Reason("The And " + string.Join(' ', words)));
        Assert.Null(Reason("the with " + string.Join(' ', words)));
    }

    [Fact]
    public void OverridesChangeThresholds()
    {
        var lenient = new GopherQualityRule(new GopherQualityOptions { MinDocWords = 10, MinStopWords = null });
        Assert.True(lenient.Evaluate(string.Join(' ', Crafted.UniqueWords(12, 5))).Kept);
    }
}
