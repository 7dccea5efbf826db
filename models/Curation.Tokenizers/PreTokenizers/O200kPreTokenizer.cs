namespace Curation.Tokenizers.PreTokenizers;

/// <summary>
/// Hand-written equivalent of the o200k_base pattern, including the backtracking of its first alternative
/// (<c>[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+</c> gives back shared
/// Lm/Lo/M code points to satisfy the second class).
/// </summary>
internal sealed class O200kPreTokenizer : IPreTokenizer
{
    private const CharFlags Upper = CharFlags.UpperOrTitle | CharFlags.ModifierOrOther | CharFlags.Mark;
    private const CharFlags Lower = CharFlags.Lower | CharFlags.ModifierOrOther | CharFlags.Mark;
    private const CharFlags LetterNumberSpace = CharFlags.Letter | CharFlags.Number | CharFlags.Space;

    public void Split(ReadOnlySpan<byte> text, List<int> ends)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = Next(text, i);
            ends.Add(i);
        }
    }

    private static int Next(ReadOnlySpan<byte> s, int i)
    {
        var f0 = CharClass.At(s, i, out var l0);
        var prefixAllowed = (f0 & (CharFlags.Newline | CharFlags.Letter | CharFlags.Number)) == 0;
        int e;
        if (prefixAllowed && (e = UpperThenLower(s, i + l0)) >= 0) return e;
        if ((e = UpperThenLower(s, i)) >= 0) return e;
        if (prefixAllowed && (e = UpperRun(s, i + l0)) >= 0) return e;
        if ((e = UpperRun(s, i)) >= 0) return e;
        if ((f0 & CharFlags.Number) != 0) return Scan.Digits(s, i, 3);

        var j = s[i] == ' ' ? i + 1 : i;
        if (j < s.Length && (CharClass.At(s, j, out var lj) & LetterNumberSpace) == 0)
        {
            j = Scan.RunNot(s, j + lj, LetterNumberSpace);
            while (j < s.Length && s[j] is (byte)'\r' or (byte)'\n' or (byte)'/') j++;
            return j;
        }
        return Scan.Whitespace(s, i, newlineRule: true);
    }

    /// <summary><c>[Upper]*[Lower]+(contraction)?</c> at <paramref name="s0"/>, or -1.</summary>
    private static int UpperThenLower(ReadOnlySpan<byte> s, int s0)
    {
        var u = s0;
        var lastLowerEnd = -1;
        while (u < s.Length)
        {
            var f = CharClass.At(s, u, out var len);
            if ((f & Upper) == 0) break;
            u += len;
            if ((f & Lower) != 0) lastLowerEnd = u;
        }
        int e;
        if (u < s.Length && (CharClass.At(s, u, out var lu) & Lower) != 0) e = Scan.Run(s, u + lu, Lower);
        else if (lastLowerEnd >= 0) e = lastLowerEnd;
        else return -1;
        return e + Scan.Contraction(s, e, ignoreCase: true);
    }

    /// <summary><c>[Upper]+[Lower]*(contraction)?</c> at <paramref name="s0"/>, or -1.</summary>
    private static int UpperRun(ReadOnlySpan<byte> s, int s0)
    {
        var u = Scan.Run(s, s0, Upper);
        if (u == s0) return -1;
        var e = Scan.Run(s, u, Lower);
        return e + Scan.Contraction(s, e, ignoreCase: true);
    }
}
