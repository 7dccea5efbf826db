using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Curation.Tokenizers.PreTokenizers;

/// <summary>The Unicode properties that the pre-tokenisation patterns test, as bit flags.</summary>
[Flags]
internal enum CharFlags : ushort
{
    None = 0,
    Letter = 1,          // \p{L}
    Number = 2,          // \p{N}
    Space = 4,           // \s (White_Space, as Rust regex and Oniguruma define it)
    Newline = 8,         // [\r\n]
    UpperOrTitle = 16,   // \p{Lu} \p{Lt}
    Lower = 32,          // \p{Ll}
    ModifierOrOther = 64, // \p{Lm} \p{Lo}
    Mark = 128,          // \p{M}
    Punctuation = 256,   // \p{P}
    Symbol = 512,        // \p{S}
}

/// <summary>
/// Classifies the code point at a UTF-8 position. The BMP is one table lookup (built once); astral code
/// points go through <see cref="Rune.GetUnicodeCategory"/>. Invalid UTF-8 is classified as U+FFFD, one byte at a time.
/// </summary>
internal static class CharClass
{
    private static readonly CharFlags[] Bmp = BuildBmp();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharFlags At(ReadOnlySpan<byte> s, int pos, out int length)
    {
        var b = s[pos];
        if (b < 0x80)
        {
            length = 1;
            return Bmp[b];
        }
        return NonAscii(s, pos, out length);
    }

    private static CharFlags NonAscii(ReadOnlySpan<byte> s, int pos, out int length)
    {
        var status = Rune.DecodeFromUtf8(s[pos..], out var rune, out length);
        if (status != System.Buffers.OperationStatus.Done) return CharFlags.Symbol; // U+FFFD is So
        return rune.Value < 0x10000 ? Bmp[rune.Value] : Classify(rune);
    }

    public static CharFlags Of(Rune rune) => rune.Value < 0x10000 ? Bmp[rune.Value] : Classify(rune);

    private static CharFlags[] BuildBmp()
    {
        var t = new CharFlags[0x10000];
        for (var c = 0; c < 0x10000; c++)
            t[c] = c is >= 0xD800 and <= 0xDFFF ? CharFlags.None : Classify(new Rune(c));
        return t;
    }

    private static CharFlags Classify(Rune r)
    {
        var f = CharFlags.None;
        if (Rune.IsWhiteSpace(r)) f |= CharFlags.Space;
        if (r.Value is '\r' or '\n') f |= CharFlags.Newline;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.TitlecaseLetter: f |= CharFlags.Letter | CharFlags.UpperOrTitle; break;
            case UnicodeCategory.LowercaseLetter: f |= CharFlags.Letter | CharFlags.Lower; break;
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter: f |= CharFlags.Letter | CharFlags.ModifierOrOther; break;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark: f |= CharFlags.Mark; break;
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber: f |= CharFlags.Number; break;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation: f |= CharFlags.Punctuation; break;
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol: f |= CharFlags.Symbol; break;
        }
        return f;
    }
}
