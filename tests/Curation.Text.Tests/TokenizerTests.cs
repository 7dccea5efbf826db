using Curation.Text.Tokenization;

namespace Curation.Text.Tests;

/// <summary>spaCy English tokenizer behaviours that datatrove's word counts depend on (fixture README, spaCy's rules).</summary>
public sealed class TokenizerTests
{
    private static string[] Words(string text)
    {
        var tokens = new List<Token>();
        SpacyEnglishTokenizer.Tokenize(text, tokens);
        return tokens.Select(t => t.Of(text).ToString()).ToArray();
    }

    [Theory]
    [InlineData("couldn't", "could|n't")]
    [InlineData("Couldn’t", "Could|n’t")]
    [InlineData("it's John's", "it|'s|John|'s")]
    [InlineData("would've", "would|'ve")]
    [InlineData("cannot", "can|not")]
    [InlineData("Mr. Smith, Ltd.", "Mr.|Smith|,|Ltd.")]
    [InlineData("e.g. this", "e.g.|this")]
    [InlineData("etc.", "etc|.")]
    [InlineData("U.S. and USA.", "U.S.|and|USA|.")]
    [InlineData("see http://example.com/a?b=1#x.", "see|http://example.com/a?b=1#x|.")]
    [InlineData("(greg@netsoc.tcd.ie):", "(|greg@netsoc.tcd.ie|):")]
    [InlineData("out-of-date", "out|-|of|-|date")]
    [InlineData("45% $5 10km 5+3", "45|%|$|5|10|km|5|+|3")]
    [InlineData("Wait... what?!", "Wait|...|what|?|!")]
    [InlineData("end.Next word,word", "end|.|Next|word|,|word")]
    [InlineData("#hashtag ###", "#|hashtag|#|#|#")]
    [InlineData("\"Quoted,\" she said.", "\"|Quoted|,|\"|she|said|.")]
    [InlineData("x86 mp3 3rd", "x86|mp3|3rd")]
    [InlineData("a\u00A0b\tc\n\nd", "a|b|c|d")]
    [InlineData("C++ :) °C.", "C++|:)|°|C|.")]
    public void SplitsLikeSpacy(string text, string expected) => Assert.Equal(expected.Split('|'), Words(text));

    [Theory]
    [InlineData("One. Two! Three? Four", 4)]
    [InlineData("Dr. Who met Mr. Smith.", 1)]
    [InlineData("Things etc. and more", 2)]
    [InlineData("\"Wait here!\" she told him.", 2)]
    [InlineData("Wait... what", 1)]
    [InlineData("a; b; c", 1)]
    [InlineData("It was (why?) odd", 2)]
    [InlineData("", 0)]
    public void CountsSentencesLikeTheSentencizer(string text, int expected) =>
        Assert.Equal(expected, SpacyEnglishTokenizer.CountSentences(text, []));

    [Fact]
    public void TokensCoverTheTextExactly()
    {
        const string text = "Hello (world), it's 10km... see www.example.org/x!";
        var tokens = new List<Token>();
        SpacyEnglishTokenizer.Tokenize(text, tokens, includeSpaceTokens: true);
        int at = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Start >= at);
            Assert.True(PythonText.IsBlank(text.AsSpan(at, t.Start - at)));
            at = t.Start + t.Length;
        }
        Assert.Equal(text.Length, at);
    }
}
