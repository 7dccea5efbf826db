namespace Curation.Tokenizers.PreTokenizers;

/// <summary>
/// Hand-written equivalent of the cl100k_base pattern (also Llama 3's, and Qwen's with single digits):
/// <c>(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+</c>.
/// </summary>
internal sealed class Cl100kPreTokenizer(int maxDigits) : IPreTokenizer
{
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

    private int Next(ReadOnlySpan<byte> s, int i)
    {
        var c = s[i];
        if (c == '\'')
        {
            var k = Scan.Contraction(s, i, ignoreCase: true);
            if (k > 0) return i + k;
        }
        var f0 = CharClass.At(s, i, out var l0);
        if ((f0 & CharFlags.Letter) != 0) return Scan.Run(s, i + l0, CharFlags.Letter);
        if ((f0 & (CharFlags.Newline | CharFlags.Number)) == 0 && i + l0 < s.Length
            && (CharClass.At(s, i + l0, out var l1) & CharFlags.Letter) != 0)
            return Scan.Run(s, i + l0 + l1, CharFlags.Letter);
        if ((f0 & CharFlags.Number) != 0) return Scan.Digits(s, i, maxDigits);

        var j = c == ' ' ? i + 1 : i;
        if (j < s.Length && (CharClass.At(s, j, out var lj) & LetterNumberSpace) == 0)
        {
            j = Scan.RunNot(s, j + lj, LetterNumberSpace);
            while (j < s.Length && s[j] is (byte)'\r' or (byte)'\n') j++;
            return j;
        }
        return Scan.Whitespace(s, i, newlineRule: true);
    }
}
