namespace Curation.Text.Normalization;

/// <summary>Settings of <see cref="WhitespaceNormalizationRule"/>.</summary>
public sealed record WhitespaceNormalizationOptions
{
    /// <summary>Turn \r\n, \r, U+2028, U+2029 and U+0085 into \n.</summary>
    public bool NormalizeLineBreaks { get; init; } = true;
    /// <summary>Turn NBSP and the other Unicode space characters into ' '.</summary>
    public bool ReplaceUnicodeSpaces { get; init; } = true;
    /// <summary>Collapse runs of spaces and tabs inside a line into one space (leading indentation is kept).</summary>
    public bool CollapseSpaces { get; init; } = true;
    /// <summary>Remove spaces and tabs at line ends.</summary>
    public bool TrimLineEnds { get; init; } = true;
    /// <summary>At most this many consecutive empty lines; -1 keeps them all.</summary>
    public int MaxConsecutiveBlankLines { get; init; } = 1;
    /// <summary>Remove leading and trailing whitespace of the whole document.</summary>
    public bool TrimDocument { get; init; } = true;
}
