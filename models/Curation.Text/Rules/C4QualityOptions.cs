namespace Curation.Text.Rules;

/// <summary>Settings of <see cref="C4QualityRule"/>; defaults are datatrove's C4QualityFilter (FineWeb runs it with FilterNoTerminalPunct = false).</summary>
public sealed record C4QualityOptions
{
    /// <summary>Judge lines (splitlines) as C4 does; false judges spaCy sentences and re-joins with spaces.</summary>
    public bool SplitParagraph { get; init; } = true;
    /// <summary>The remove citations setting.</summary>
    public bool RemoveCitations { get; init; } = true;
    /// <summary>The filter no terminal punct setting.</summary>
    public bool FilterNoTerminalPunct { get; init; } = true;
    /// <summary>Minimum sentences in the kept lines; -1 disables.</summary>
    public int MinNumSentences { get; init; } = 5;
    /// <summary>Minimum whitespace words per line; -1 disables.</summary>
    public int MinWordsPerLine { get; init; } = 3;
    /// <summary>A line with a longer whitespace word is removed; -1 disables.</summary>
    public int MaxWordLength { get; init; } = 1000;
    /// <summary>The filter lorem ipsum setting.</summary>
    public bool FilterLoremIpsum { get; init; } = true;
    /// <summary>The filter javascript setting.</summary>
    public bool FilterJavascript { get; init; } = true;
    /// <summary>The filter curly bracket setting.</summary>
    public bool FilterCurlyBracket { get; init; } = true;
    /// <summary>The filter policy setting.</summary>
    public bool FilterPolicy { get; init; } = true;
    /// <summary>The policy substrings setting.</summary>
    public IReadOnlyList<string> PolicySubstrings { get; init; } =
        ["terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"];
}
