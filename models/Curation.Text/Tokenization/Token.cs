namespace Curation.Text.Tokenization;

/// <summary>One token of a text: its char offset and length, and whether it is a whitespace token.</summary>
public readonly record struct Token(int Start, int Length, bool IsSpace)
{
    /// <summary>The token's text within <paramref name="source"/>.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> source) => source.Slice(Start, Length);
}
