using Curation.Text.Normalization;

namespace Curation.Text.Tests;

/// <summary>Unicode and whitespace normalisation maps.</summary>
public sealed class NormalizationTests
{
    private static readonly UnicodeNormalizationRule Unicode = new();

    [Theory]
    [InlineData("cafÃ©", "café")]
    [InlineData("donâ€™t", "don’t")]
    [InlineData("Â£5", "£5")]
    [InlineData("â€œquotedâ€\u009D", "“quoted”")]
    [InlineData("ðŸ˜€", "😀")]
    [InlineData("Ã alone", "Ã alone")]          // Ã followed by a space is no valid UTF-8 sequence: left alone
    [InlineData("São Paulo", "São Paulo")]
    public void FixesMojibakeOnlyWhereTheBytesAreValidUtf8(string input, string expected) =>
        Assert.Equal(expected, Unicode.Normalize(input).Text);

    [Fact]
    public void ReplacesLoneSurrogatesRemovesControlsAndComposes()
    {
        var (text, surrogates, _, controls) = Unicode.Normalize("a\uD800b\u0007c\u0000e\u0301\tok\r\n\uFEFF");
        Assert.Equal("a\uFFFDbc\u00E9\tok\r\n", text);
        Assert.Equal(1, surrogates);
        Assert.Equal(3, controls);
    }

    [Fact]
    public void UnchangedTextReportsNoEdit() => Assert.Null(Unicode.Evaluate("plain text").Text);

    [Fact]
    public void WhitespaceNormalisation()
    {
        var rule = new WhitespaceNormalizationRule();
        Assert.Equal("a b c\n\n    indented x\nd", rule.Normalize("  a \u00A0 b\tc  \r\n\r\n\r\n\r\n    indented\u3000\u3000x\u2028d  \n"));
        var keepBlank = new WhitespaceNormalizationRule(new WhitespaceNormalizationOptions { MaxConsecutiveBlankLines = -1, CollapseSpaces = false });
        Assert.Equal("a  b\n\n\nc", keepBlank.Normalize("a  b\n\n\nc"));
    }
}
