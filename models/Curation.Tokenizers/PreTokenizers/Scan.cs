namespace Curation.Tokenizers.PreTokenizers;

/// <summary>Shared scanning steps of the hand-written pre-tokenizers (each mirrors one regex alternative).</summary>
internal static class Scan
{
    /// <summary>End of the maximal run of code points from <paramref name="pos"/> whose flags intersect <paramref name="mask"/>.</summary>
    public static int Run(ReadOnlySpan<byte> s, int pos, CharFlags mask)
    {
        while (pos < s.Length)
        {
            var f = CharClass.At(s, pos, out var len);
            if ((f & mask) == 0) break;
            pos += len;
        }
        return pos;
    }

    /// <summary>End of the maximal run of code points that have none of the flags in <paramref name="mask"/>.</summary>
    public static int RunNot(ReadOnlySpan<byte> s, int pos, CharFlags mask)
    {
        while (pos < s.Length)
        {
            var f = CharClass.At(s, pos, out var len);
            if ((f & mask) != 0) break;
            pos += len;
        }
        return pos;
    }

    /// <summary>End of at most <paramref name="max"/> consecutive \p{N} code points starting at a number.</summary>
    public static int Digits(ReadOnlySpan<byte> s, int pos, int max)
    {
        var count = 0;
        while (pos < s.Length && count < max)
        {
            var f = CharClass.At(s, pos, out var len);
            if ((f & CharFlags.Number) == 0) break;
            pos += len;
            count++;
        }
        return pos;
    }

    /// <summary>
    /// Length in bytes of <c>'s|'t|'re|'ve|'m|'ll|'d</c> at <paramref name="pos"/> (0 if none). Case-insensitive
    /// matching follows Unicode simple case folding, so <c>'ſ</c> (U+017F) matches <c>'s</c> as in Rust regex.
    /// </summary>
    public static int Contraction(ReadOnlySpan<byte> s, int pos, bool ignoreCase)
    {
        if (pos + 1 >= s.Length || s[pos] != (byte)'\'') return 0;
        var a = s[pos + 1];
        var b = pos + 2 < s.Length ? s[pos + 2] : (byte)0;
        if (ignoreCase)
        {
            if (a == 0xC5 && b == 0xBF) return 3;
            a = Lower(a);
            b = Lower(b);
        }
        switch (a)
        {
            case (byte)'s' or (byte)'t' or (byte)'m' or (byte)'d': return 2;
            case (byte)'r' or (byte)'v' when b == 'e': return 3;
            case (byte)'l' when b == 'l': return 3;
            default: return 0;
        }
    }

    private static byte Lower(byte c) => c is >= (byte)'A' and <= (byte)'Z' ? (byte)(c | 0x20) : c;

    /// <summary>
    /// The whitespace alternatives shared by the cl100k and o200k patterns, at a whitespace code point:
    /// <c>\s*[\r\n]+|\s+(?!\S)|\s+</c> (when <paramref name="newlineRule"/>) or <c>\s+(?!\S)|\s+</c>.
    /// </summary>
    public static int Whitespace(ReadOnlySpan<byte> s, int pos, bool newlineRule)
    {
        var lastNewlineEnd = -1;
        var lastStart = pos;
        var count = 0;
        var e = pos;
        while (e < s.Length)
        {
            var f = CharClass.At(s, e, out var len);
            if ((f & CharFlags.Space) == 0) break;
            if ((f & CharFlags.Newline) != 0) lastNewlineEnd = e + len;
            lastStart = e;
            e += len;
            count++;
        }
        if (newlineRule && lastNewlineEnd > 0) return lastNewlineEnd;
        if (e == s.Length) return e;
        return count >= 2 ? lastStart : e;
    }
}
