namespace Curation.Text.Tokenization;

/// <summary>
/// Per-thread memo of the last text's spaCy words, so a chain of rules on the same string (Gopher quality,
/// Gopher repetition, FineWeb) tokenizes it once. The returned list is valid until the next call on the thread.
/// </summary>
internal static class WordCache
{
    [ThreadStatic] private static string? _text;
    [ThreadStatic] private static List<Token>? _words;

    public static List<Token> WordsOf(string text)
    {
        var words = _words ??= new List<Token>();
        if (ReferenceEquals(_text, text)) return words;
        words.Clear();
        _text = null;
        SpacyEnglishTokenizer.Tokenize(text, words);
        _text = text;
        if (words.Capacity > 1 << 20 && words.Count < 1 << 16) words.Capacity = 1 << 16;
        return words;
    }
}
