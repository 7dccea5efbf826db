using System.Collections.Frozen;
using System.Globalization;

namespace Curation.Text.Tokenization;

/// <summary>
/// Character classes of spaCy's default prefix, suffix and infix rules (spacy/lang/char_classes.py),
/// expressed with Unicode categories: ALPHA is a letter, ALPHA_LOWER a lower-case or caseless letter,
/// ALPHA_UPPER an upper/title-case or caseless letter, ICONS the "other symbol" category.
/// </summary>
internal static class SpacyCharClasses
{
    private const string PunctChars = "…,:;!?¿؟¡()[]{}<>_#*&。？！，、；：～·।،۔؛٪";
    private const string QuoteChars = "'\"”“`‘´’‚,„»«「」『』（）〔〕【】《》〈〉\u2329\u232A⟦⟧";
    private const string CurrencyChars = "$£€¥฿₽﷼₴₠₡₢₣₤₥₦₧₨₩₪₫₭₮₯₰₱₲₳₵₶₷₸₹₺₻₼₾₿";

    /// <summary>Single characters that split off as a prefix.</summary>
    public static readonly CodePointSet PrefixChars = new("§%=—–" + PunctChars + QuoteChars + CurrencyChars);

    /// <summary>Single characters that split off as a suffix (without context).</summary>
    public static readonly CodePointSet SuffixChars = new(PunctChars + QuoteChars + "—–");

    /// <summary>Quote characters, used inside the lookbehind/lookahead classes.</summary>
    public static readonly CodePointSet Quotes = new(QuoteChars);

    /// <summary>The lookbehind class before a splittable final period: punctuation, quotes, |, %, ², -, +, and the regex debris (?:).</summary>
    public static readonly CodePointSet PeriodLookbehindExtras = new(PunctChars + QuoteChars + "|%²-+(?:)");

    /// <summary>Currency symbols that split off after a digit.</summary>
    public static readonly FrozenSet<string> Currencies =
        CurrencyChars.Select(c => c.ToString()).Concat(["US$", "C$", "A$"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Units that split off after a digit.</summary>
    public static readonly FrozenSet<string> Units =
        ("km km² km³ m m² m³ dm dm² dm³ cm cm² cm³ mm mm² mm³ ha µm μm nm yd in ft kg g mg µg μg t lb oz m/s km/h kmh mph "
        + "hPa Pa mbar mb MB kb KB gb GB tb TB T G M K % км км² км³ м м² м³ дм дм² дм³ см см² см³ мм мм² мм³ нм "
        + "кг г мг м/с км/ч кПа Па мбар Кб КБ кб Мб МБ мб Гб ГБ гб Тб ТБ тбكم كم² كم³ م م² م³ سم سم² سم³ مم مم² مم³ "
        + "كم غرام جرام جم كغ ملغ كوب اكواب")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Longest currency or unit, in chars: bounds the suffix search window.</summary>
    public static readonly int LongestUnit = Units.Concat(Currencies).Max(u => u.Length);

    public static bool IsAsciiDigit(int cp) => (uint)(cp - '0') <= 9;

    public static bool IsAlpha(int cp) => PythonText.IsAlpha(cp);

    public static bool IsAlphaLower(int cp)
    {
        if (cp < 128) return (uint)(cp - 'a') <= 'z' - 'a';
        var cat = Category(cp);
        return cat is UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter;
    }

    public static bool IsAlphaUpper(int cp)
    {
        if (cp < 128) return (uint)(cp - 'A') <= 'Z' - 'A';
        var cat = Category(cp);
        return cat is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter;
    }

    public static bool IsIcon(int cp) => cp >= 128 && Category(cp) == UnicodeCategory.OtherSymbol;

    public static bool IsPunctuationCategory(int cp)
    {
        var cat = Category(cp);
        return cat is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    private static UnicodeCategory Category(int cp) =>
        cp < 0x10000 ? char.GetUnicodeCategory((char)cp) : CharUnicodeInfo.GetUnicodeCategory(cp);
}
