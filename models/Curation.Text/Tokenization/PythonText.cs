using System.Globalization;

namespace Curation.Text.Tokenization;

/// <summary>Python 3 string semantics (isspace, strip, split, splitlines, len in code points) that datatrove's rules rely on.</summary>
public static class PythonText
{
    /// <summary>True for the characters Python's <c>str.isspace()</c> accepts (which include U+001C..U+001F, unlike .NET's IsWhiteSpace).</summary>
    public static bool IsSpace(char c)
    {
        if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
        return c == '\u0085' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
            || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /// <summary>True for the line boundaries of Python's <c>str.splitlines()</c>.</summary>
    public static bool IsLineBreak(char c) =>
        c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\x1c' || c == '\x1d' || c == '\x1e'
        || c == '\u0085' || c == '\u2028' || c == '\u2029';

    /// <summary>Python's <c>str.strip()</c> on a span.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> s)
    {
        int a = 0, b = s.Length;
        while (a < b && IsSpace(s[a])) a++;
        while (b > a && IsSpace(s[b - 1])) b--;
        return s[a..b];
    }

    /// <summary>Python's <c>str.lstrip()</c> on a span.</summary>
    public static ReadOnlySpan<char> LeftStrip(ReadOnlySpan<char> s)
    {
        int a = 0;
        while (a < s.Length && IsSpace(s[a])) a++;
        return s[a..];
    }

    /// <summary>Python's <c>str.rstrip()</c> on a span.</summary>
    public static ReadOnlySpan<char> RightStrip(ReadOnlySpan<char> s)
    {
        int b = s.Length;
        while (b > 0 && IsSpace(s[b - 1])) b--;
        return s[..b];
    }

    /// <summary>True when the span is empty or whitespace only (Python: <c>s.strip() == ""</c>).</summary>
    public static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!IsSpace(c)) return false;
        return true;
    }

    /// <summary>Python's <c>len()</c>: the number of code points (a valid surrogate pair counts once, a lone surrogate once).</summary>
    public static int CodePointLength(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        }
        return n;
    }

    /// <summary>Reads the code point at <paramref name="i"/> (a lone surrogate is returned as itself) and its width in chars.</summary>
    public static int CodePointAt(ReadOnlySpan<char> s, int i, out int width)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[i + 1]);
        }
        width = 1;
        return c;
    }

    /// <summary>Reads the code point that ends just before <paramref name="end"/> and its width in chars.</summary>
    public static int CodePointBefore(ReadOnlySpan<char> s, int end, out int width)
    {
        char c = s[end - 1];
        if (char.IsLowSurrogate(c) && end >= 2 && char.IsHighSurrogate(s[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(s[end - 2], c);
        }
        width = 1;
        return c;
    }

    /// <summary>Python's <c>str.isalpha()</c> for one code point (categories Lu, Ll, Lt, Lm, Lo).</summary>
    public static bool IsAlpha(int cp)
    {
        if (cp < 128) return (uint)((cp | 0x20) - 'a') <= 'z' - 'a';
        var cat = cp < 0x10000 ? char.GetUnicodeCategory((char)cp) : CharUnicodeInfo.GetUnicodeCategory(cp);
        return cat <= UnicodeCategory.OtherLetter;
    }

    /// <summary>True when any code point of the span is alphabetic.</summary>
    public static bool ContainsAlpha(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length;)
        {
            int cp = CodePointAt(s, i, out int w);
            if (IsAlpha(cp)) return true;
            i += w;
        }
        return false;
    }

    /// <summary>Number of words Python's <c>str.split()</c> (no arguments) yields.</summary>
    public static int CountWhitespaceWords(ReadOnlySpan<char> s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool sp = IsSpace(c);
            if (!sp && !inWord) n++;
            inWord = !sp;
        }
        return n;
    }

    /// <summary>Length in code points of the longest <c>str.split()</c> word.</summary>
    public static int LongestWhitespaceWord(ReadOnlySpan<char> s)
    {
        int best = 0, i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && IsSpace(s[i])) i++;
            int start = i;
            while (i < s.Length && !IsSpace(s[i])) i++;
            if (i > start) best = Math.Max(best, CodePointLength(s[start..i]));
        }
        return best;
    }

    /// <summary>Appends the (start, length) ranges of Python's <c>str.splitlines()</c> to <paramref name="lines"/>.</summary>
    public static void SplitLines(ReadOnlySpan<char> s, List<Range> lines)
    {
        int start = 0, i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (IsLineBreak(c))
            {
                lines.Add(new Range(start, i));
                i += c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1;
                start = i;
            }
            else i++;
        }
        if (start < s.Length) lines.Add(new Range(start, s.Length));
    }

    /// <summary>Appends the ranges of Python's <c>text.split(separator)</c> to <paramref name="parts"/>.</summary>
    public static void Split(ReadOnlySpan<char> s, char separator, List<Range> parts)
    {
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != separator) continue;
            parts.Add(new Range(start, i));
            start = i + 1;
        }
        parts.Add(new Range(start, s.Length));
    }

    /// <summary>Appends the ranges of Python's <c>re.split("\n{min,}", s)</c> (runs of at least <paramref name="minRun"/> newlines).</summary>
    public static void SplitOnNewlineRuns(ReadOnlySpan<char> s, int minRun, List<Range> parts)
    {
        int start = 0, i = 0;
        while (i < s.Length)
        {
            if (s[i] != '\n') { i++; continue; }
            int runStart = i;
            while (i < s.Length && s[i] == '\n') i++;
            if (i - runStart < minRun) continue;
            parts.Add(new Range(start, runStart));
            start = i;
        }
        parts.Add(new Range(start, s.Length));
    }

    /// <summary>Counts non-overlapping occurrences, as Python's <c>str.count</c>.</summary>
    public static int CountOccurrences(ReadOnlySpan<char> s, ReadOnlySpan<char> needle)
    {
        int n = 0;
        while (true)
        {
            int at = s.IndexOf(needle, StringComparison.Ordinal);
            if (at < 0) return n;
            n++;
            s = s[(at + needle.Length)..];
        }
    }

    /// <summary>Case-insensitive containment for an ASCII lower-case needle, as <c>needle in text.lower()</c> (the Kelvin sign lowers to k).</summary>
    public static bool ContainsLowered(ReadOnlySpan<char> s, string asciiLowerNeedle)
    {
        int n = asciiLowerNeedle.Length;
        for (int i = 0; i + n <= s.Length; i++)
        {
            int j = 0;
            while (j < n && LowerAscii(s[i + j]) == asciiLowerNeedle[j]) j++;
            if (j == n) return true;
        }
        return false;
    }

    private static char LowerAscii(char c) =>
        (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c == '\u212A' ? 'k' : c;
}
