namespace Curation.Dedup.Exact;

/// <summary>How text is normalised before exact hashing.</summary>
public enum TextNormalization
{
    /// <summary>Byte-exact text.</summary>
    None,

    /// <summary>Whitespace runs collapsed to one space, ends trimmed.</summary>
    Whitespace,

    /// <summary>Lower-cased, then whitespace-collapsed (the corpus README's notion of a natural duplicate).</summary>
    LowercaseWhitespace,

    /// <summary>datatrove's <c>simplify_text</c> (<see cref="Text.TextSimplifier"/>): also punctuation, digits and diacritics.</summary>
    Simplify,
}
