using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Curation.Tokenizers.PreTokenizers;

/// <summary>
/// A <c>Split(pattern, Isolated)</c> pre-tokenizer for patterns without a hand-written equivalent, on .NET
/// regular expressions. Oniguruma and Rust regex see code points where .NET sees UTF-16 units, so each
/// astral code point is replaced by a BMP stand-in of the same general category before matching; pieces
/// are then mapped back to UTF-8 offsets. Text between matches becomes a piece of its own, as in HF.
/// </summary>
internal sealed class RegexPreTokenizer : IPreTokenizer
{
    private readonly Regex _regex;

    public RegexPreTokenizer(string pattern)
    {
        Pattern = pattern;
        try
        {
            _regex = new Regex(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException e)
        {
            throw new TokenizerFormatException($"pre-tokenizer pattern is not a supported regular expression: {pattern}", e);
        }
    }

    public string Pattern { get; }

    public void Split(ReadOnlySpan<byte> text, List<int> ends)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var offsets = ArrayPool<int>.Shared.Rent(text.Length + 1);
        try
        {
            var n = 0;
            var pos = 0;
            while (pos < text.Length)
            {
                var status = Rune.DecodeFromUtf8(text[pos..], out var rune, out var len);
                if (status != OperationStatus.Done) rune = Rune.ReplacementChar;
                offsets[n] = pos;
                chars[n++] = rune.IsBmp ? (char)rune.Value : StandIn(Rune.GetUnicodeCategory(rune));
                pos += len;
            }
            offsets[n] = text.Length;
            var last = 0;
            foreach (var m in _regex.EnumerateMatches(chars.AsSpan(0, n)))
            {
                if (m.Length == 0) continue;
                if (m.Index > last) ends.Add(offsets[m.Index]);
                last = m.Index + m.Length;
                ends.Add(offsets[last]);
            }
            if (last < n) ends.Add(text.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>
    /// Oniguruma syntax → .NET: possessive quantifiers become atomic groups (same matches, as the
    /// patterns in use have no backtracking into them that could succeed), and <c>$</c> is end of text.
    /// </summary>
    private static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) { sb.Append(c).Append(pattern[++i]); continue; }
            if (inClass) { if (c == ']') inClass = false; sb.Append(c); continue; }
            if (c == '[') { inClass = true; sb.Append(c); if (i + 1 < pattern.Length && pattern[i + 1] == ']') sb.Append(pattern[++i]); continue; }
            if (c is '+' or '*' or '?' or '}' && i + 1 < pattern.Length && pattern[i + 1] == '+')
            {
                // Possessive X*+ has the same matches as X* in these patterns; dropping the '+' keeps .NET happy.
                sb.Append(c);
                i++;
                continue;
            }
            sb.Append(c == '$' ? @"\z" : c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>A BMP code point of the given general category that the pre-tokenizer patterns never name literally.</summary>
    private static char StandIn(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter => '\u00C0',
        UnicodeCategory.LowercaseLetter => '\u00DF',
        UnicodeCategory.TitlecaseLetter => '\u01C5',
        UnicodeCategory.ModifierLetter => '\u02B0',
        UnicodeCategory.OtherLetter => '\u00AA',
        UnicodeCategory.NonSpacingMark => '\u0300',
        UnicodeCategory.SpacingCombiningMark => '\u0903',
        UnicodeCategory.EnclosingMark => '\u20DD',
        UnicodeCategory.DecimalDigitNumber => '\u0660',
        UnicodeCategory.LetterNumber => '\u2160',
        UnicodeCategory.OtherNumber => '\u00B2',
        UnicodeCategory.ConnectorPunctuation => '\u203F',
        UnicodeCategory.DashPunctuation => '\u2010',
        UnicodeCategory.OpenPunctuation => '\u2045',
        UnicodeCategory.ClosePunctuation => '\u2046',
        UnicodeCategory.InitialQuotePunctuation => '\u2039',
        UnicodeCategory.FinalQuotePunctuation => '\u203A',
        UnicodeCategory.OtherPunctuation => '\u00A1',
        UnicodeCategory.MathSymbol => '\u00AC',
        UnicodeCategory.CurrencySymbol => '\u00A2',
        UnicodeCategory.ModifierSymbol => '\u00A8',
        UnicodeCategory.OtherSymbol => '\u00A6',
        UnicodeCategory.Format => '\u00AD',
        UnicodeCategory.PrivateUse => '\uE000',
        _ => '\uFFFE',
    };
}
