namespace Curation.Tokenizers.PreTokenizers;

/// <summary>
/// Hand-written equivalent of the GPT-2 / r50k_base pattern (also HF ByteLevel's <c>use_regex</c>):
/// <c>'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+</c>.
/// </summary>
internal sealed class Gpt2PreTokenizer : IPreTokenizer
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

    private static int Next(ReadOnlySpan<byte> s, int i)
    {
        if (s[i] == '\'')
        {
            var k = Scan.Contraction(s, i, ignoreCase: false);
            if (k > 0) return i + k;
        }
        var j = s[i] == ' ' ? i + 1 : i;
        if (j < s.Length)
        {
            var f = CharClass.At(s, j, out var len);
            if ((f & CharFlags.Letter) != 0) return Scan.Run(s, j + len, CharFlags.Letter);
            if ((f & CharFlags.Number) != 0) return Scan.Run(s, j + len, CharFlags.Number);
            if ((f & LetterNumberSpace) == 0) return Scan.RunNot(s, j + len, LetterNumberSpace);
        }
        return Scan.Whitespace(s, i, newlineRule: false);
    }
}
