using System.Buffers;
using System.Text;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers;

/// <summary>A token matched as a whole in the raw text before pre-tokenisation (tiktoken special tokens, HF added tokens).</summary>
/// <param name="Content">the literal text.</param>
/// <param name="Id">its id.</param>
/// <param name="Special">special tokens are matched only on request (<see cref="Tokenizer.EncodeWithSpecialTokens"/>).</param>
/// <param name="LeftStrip">absorbs whitespace before the match (HF <c>lstrip</c>).</param>
/// <param name="RightStrip">absorbs whitespace after the match (HF <c>rstrip</c>).</param>
/// <param name="SingleWord">matches only when not inside a word (HF <c>single_word</c>).</param>
public sealed record AddedToken(string Content, int Id, bool Special, bool LeftStrip = false, bool RightStrip = false, bool SingleWord = false);

/// <summary>Leftmost-longest search for a set of added tokens in UTF-8 text.</summary>
internal sealed class AddedTokenMatcher
{
    private readonly (byte[] Bytes, AddedToken Token)[][] _byFirstByte = new (byte[], AddedToken)[256][];
    private readonly SearchValues<byte> _firstBytes;

    public AddedTokenMatcher(IEnumerable<AddedToken> tokens)
    {
        var groups = tokens.Where(t => t.Content.Length > 0)
            .Select(t => (Bytes: Encoding.UTF8.GetBytes(t.Content), Token: t))
            .GroupBy(t => t.Bytes[0]);
        var first = new List<byte>();
        foreach (var g in groups)
        {
            _byFirstByte[g.Key] = g.OrderByDescending(t => t.Bytes.Length).ThenBy(t => t.Token.Id).ToArray();
            first.Add(g.Key);
        }
        _firstBytes = SearchValues.Create(first.ToArray());
        IsEmpty = first.Count == 0;
    }

    public bool IsEmpty { get; }

    /// <summary>Finds the next match at or after <paramref name="from"/>; <paramref name="start"/>..<paramref name="end"/> includes stripped whitespace.</summary>
    public bool Find(ReadOnlySpan<byte> text, int from, out int start, out int end, out int id)
    {
        var pos = from;
        while (pos < text.Length)
        {
            var k = text[pos..].IndexOfAny(_firstBytes);
            if (k < 0) break;
            pos += k;
            foreach (var (bytes, token) in _byFirstByte[text[pos]])
            {
                if (!text[pos..].StartsWith(bytes)) continue;
                var matchEnd = pos + bytes.Length;
                if (token.SingleWord && (IsWordBefore(text, pos) || IsWordAfter(text, matchEnd))) continue;
                start = token.LeftStrip ? StripBefore(text, pos, from) : pos;
                end = token.RightStrip ? StripAfter(text, matchEnd) : matchEnd;
                id = token.Id;
                return true;
            }
            pos++;
        }
        start = end = id = -1;
        return false;
    }

    private static bool IsWordBefore(ReadOnlySpan<byte> s, int pos)
    {
        if (pos == 0) return false;
        var p = pos - 1;
        while (p > 0 && (s[p] & 0xC0) == 0x80) p--;
        return IsWord(CharClass.At(s, p, out _), s[p]);
    }

    private static bool IsWordAfter(ReadOnlySpan<byte> s, int pos) =>
        pos < s.Length && IsWord(CharClass.At(s, pos, out _), s[pos]);

    private static bool IsWord(CharFlags f, byte first) => (f & (CharFlags.Letter | CharFlags.Number)) != 0 || first == '_';

    private static int StripBefore(ReadOnlySpan<byte> s, int pos, int floor)
    {
        while (pos > floor)
        {
            var p = pos - 1;
            while (p > floor && (s[p] & 0xC0) == 0x80) p--;
            if ((CharClass.At(s, p, out _) & CharFlags.Space) == 0) break;
            pos = p;
        }
        return pos;
    }

    private static int StripAfter(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length)
        {
            var f = CharClass.At(s, pos, out var len);
            if ((f & CharFlags.Space) == 0) break;
            pos += len;
        }
        return pos;
    }
}
