using System.Globalization;

namespace Curation.Dedup.Text;

/// <summary>
/// The text simplification applied before shingling, equivalent to datatrove's <c>simplify_text</c>
/// with its defaults: lower-case, numbers folded to <c>0</c>, punctuation and symbols turned into
/// spaces, diacritics removed, whitespace collapsed to single spaces and trimmed.
/// </summary>
/// <remarks>
/// A run of digits, including decimal or thousands separators between digits ("3.14", "1,000"),
/// becomes a single <c>0</c>, as datatrove's number pattern does. The function is pure and
/// allocation-free apart from the output buffer.
/// </remarks>
public static class TextSimplifier
{
    // Lower-cased, diacritic-free forms of the BMP below U+3000 (Latin, Greek, Cyrillic, ...),
    // computed once: per-character NFD on the hot path would dominate the signature step.
    private static readonly string?[] FoldTable = BuildFoldTable();

    /// <summary>Returns the simplified form of <paramref name="text"/>.</summary>
    public static string Simplify(string text)
    {
        char[] buffer = new char[2 * text.Length + 1];
        int length = Simplify(text, buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// Writes the simplified form of <paramref name="text"/> into <paramref name="output"/>, which must
    /// hold at least <c>2 × text.Length + 1</c> characters, and returns the number of characters written.
    /// </summary>
    public static int Simplify(ReadOnlySpan<char> text, Span<char> output)
    {
        if (output.Length < 2 * text.Length + 1)
            throw new ArgumentException("The output buffer must hold 2 × text.Length + 1 characters (a few letters decompose to two).", nameof(output));
        var w = new Writer(output);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 128)
            {
                if ((uint)(c - 'a') <= 'z' - 'a') { w.Emit(c); continue; }
                if ((uint)(c - 'A') <= 'Z' - 'A') { w.Emit((char)(c | 0x20)); continue; }
                if ((uint)(c - '0') <= 9) { w.EmitDigit(); continue; }
                if ((c == '.' || c == ',') && w.InNumber && i + 1 < text.Length && char.IsDigit(text[i + 1])) continue;
                w.Separate();
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case UnicodeCategory.NonSpacingMark:
                    continue;
                case UnicodeCategory.DecimalDigitNumber:
                    w.EmitDigit();
                    continue;
                case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                    or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                    or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol
                    or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol:
                    w.Separate();
                    continue;
            }

            string? folded = c < FoldTable.Length ? FoldTable[c] : null;
            if (folded is null)
            {
                w.Emit(char.ToLowerInvariant(c));
            }
            else
            {
                foreach (char f in folded) w.Emit(f);
            }
        }
        return w.Written;
    }

    private ref struct Writer(Span<char> output)
    {
        private readonly Span<char> _output = output;
        private bool _pendingSpace;

        public int Written;
        public bool InNumber;

        public void Emit(char value)
        {
            InNumber = false;
            if (_pendingSpace) { _output[Written++] = ' '; _pendingSpace = false; }
            _output[Written++] = value;
        }

        public void EmitDigit()
        {
            if (InNumber) return;
            if (_pendingSpace) { _output[Written++] = ' '; _pendingSpace = false; }
            _output[Written++] = '0';
            InNumber = true;
        }

        public void Separate()
        {
            InNumber = false;
            if (Written > 0) _pendingSpace = true;
        }
    }

    private static string?[] BuildFoldTable()
    {
        var table = new string?[0x3000];
        foreach (var (code, folded) in DiacriticFoldTable.Entries) table[code] = folded;
        return table;
    }
}
