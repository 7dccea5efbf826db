using Curation.Text.Tokenization;

namespace Curation.Text.Tests;

/// <summary>Python string semantics the rules rely on.</summary>
public sealed class PythonTextTests
{
    [Fact]
    public void SplitLinesUsesPythonBoundaries()
    {
        const string text = "a\r\nb\rc\u2029d\u001Ee\u0085f\n";
        var lines = new List<Range>();
        PythonText.SplitLines(text, lines);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], lines.Select(r => text[r]).ToArray());
    }

    [Fact]
    public void IsSpaceIncludesInformationSeparatorsButNotZeroWidthSpace()
    {
        Assert.True(PythonText.IsSpace('\u001F'));
        Assert.True(PythonText.IsSpace('\u00A0'));
        Assert.True(PythonText.IsSpace('\u3000'));
        Assert.False(PythonText.IsSpace('\u200B'));
        Assert.Equal(2, PythonText.CountWhitespaceWords("a\u00A0b"));
        Assert.Equal(1, PythonText.CountWhitespaceWords("a\u200Bb"));
    }

    [Fact]
    public void LengthCountsCodePoints()
    {
        Assert.Equal(3, PythonText.CodePointLength("a😀b"));
        Assert.Equal(2, PythonText.CodePointLength("\uD800x"));
    }
}
