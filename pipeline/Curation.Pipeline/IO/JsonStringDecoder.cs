using System.Buffers;
using System.Text.Unicode;

namespace Curation.Pipeline.IO;

/// <summary>
/// Decodes and validates JSON strings straight from UTF-8 bytes: a vectorized search for the next quote, backslash
/// or control byte, one vectorized transcode (which also validates UTF-8) per escape-free run, escapes inline.
/// Every method returns false on anything it does not accept; the caller then defers to the reference parser.
/// </summary>
internal static class JsonStringDecoder
{
    /// <summary>The bytes that end an escape-free run inside a JSON string.</summary>
    private static readonly SearchValues<byte> Specials = SearchValues.Create(BuildSpecials());

    private static byte[] BuildSpecials()
    {
        var b = new byte[34];
        for (var i = 0; i < 32; i++) b[i] = (byte)i;
        b[32] = (byte)'"';
        b[33] = (byte)'\\';
        return b;
    }

    /// <summary>
    /// Decodes the string whose opening quote is at <c>s[i - 1]</c> into <paramref name="dest"/> (which must hold at
    /// least <c>s.Length - i</c> chars: UTF-16 never needs more units than the UTF-8 bytes it comes from). On success
    /// <paramref name="i"/> is just past the closing quote.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> s, ref int i, Span<char> dest, out int written)
    {
        written = 0;
        var pos = i;
        while (true)
        {
            var rel = s[pos..].IndexOfAny(Specials);
            if (rel < 0) return false;
            if (rel > 0)
            {
                if (Utf8.ToUtf16(s.Slice(pos, rel), dest[written..], out _, out var n, replaceInvalidSequences: false) != OperationStatus.Done)
                    return false;
                written += n;
                pos += rel;
            }
            var b = s[pos];
            if (b == '"')
            {
                i = pos + 1;
                return true;
            }
            if (b != '\\' || ++pos >= s.Length) return false;
            switch (s[pos])
            {
                case (byte)'"': dest[written++] = '"'; break;
                case (byte)'\\': dest[written++] = '\\'; break;
                case (byte)'/': dest[written++] = '/'; break;
                case (byte)'b': dest[written++] = '\b'; break;
                case (byte)'f': dest[written++] = '\f'; break;
                case (byte)'n': dest[written++] = '\n'; break;
                case (byte)'r': dest[written++] = '\r'; break;
                case (byte)'t': dest[written++] = '\t'; break;
                case (byte)'u':
                    var c = Hex4(s, pos + 1);
                    if (c < 0) return false;
                    pos += 4;
                    if (char.IsHighSurrogate((char)c))
                    {
                        // Only a high surrogate escape followed at once by a low one is valid UTF-16; anything else
                        // the reference rejects as invalid_unicode, so it is left to the reference.
                        if (pos + 2 >= s.Length || s[pos + 1] != '\\' || s[pos + 2] != 'u') return false;
                        var low = Hex4(s, pos + 3);
                        if (low < 0 || !char.IsLowSurrogate((char)low)) return false;
                        dest[written++] = (char)c;
                        dest[written++] = (char)low;
                        pos += 6;
                    }
                    else if (char.IsLowSurrogate((char)c))
                    {
                        return false;
                    }
                    else
                    {
                        dest[written++] = (char)c;
                    }
                    break;
                default:
                    return false;
            }
            pos++;
        }
    }

    /// <summary>
    /// Finds the end of the string whose opening quote is at <c>s[i - 1]</c> when it has no escape: on success
    /// <paramref name="end"/> is the index of the closing quote. False for escapes, control bytes or no end.
    /// </summary>
    public static bool TryFindPlainEnd(ReadOnlySpan<byte> s, int i, out int end)
    {
        var rel = s[i..].IndexOfAny(Specials);
        end = i + rel;
        return rel >= 0 && s[end] == '"';
    }

    /// <summary>
    /// Validates the string whose opening quote is at <c>s[i - 1]</c> without decoding it, as the reference does for
    /// nested values: escapes must be well-formed (surrogates are not paired there) and the bytes valid UTF-8.
    /// </summary>
    public static bool TrySkip(ReadOnlySpan<byte> s, ref int i)
    {
        var pos = i;
        while (true)
        {
            var rel = s[pos..].IndexOfAny(Specials);
            if (rel < 0 || !Utf8.IsValid(s.Slice(pos, rel))) return false;
            pos += rel;
            var b = s[pos];
            if (b == '"')
            {
                i = pos + 1;
                return true;
            }
            if (b != '\\' || ++pos >= s.Length) return false;
            switch (s[pos])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    break;
                case (byte)'u':
                    if (Hex4(s, pos + 1) < 0) return false;
                    pos += 4;
                    break;
                default:
                    return false;
            }
            pos++;
        }
    }

    /// <summary>The value of the four hex digits at <paramref name="at"/>, or -1.</summary>
    private static int Hex4(ReadOnlySpan<byte> s, int at)
    {
        if (at + 4 > s.Length) return -1;
        var v = 0;
        for (var k = 0; k < 4; k++)
        {
            var d = HexDigit(s[at + k]);
            if (d < 0) return -1;
            v = (v << 4) | d;
        }
        return v;
    }

    private static int HexDigit(byte b)
    {
        if ((uint)(b - '0') <= 9) return b - '0';
        var l = (uint)((b | 0x20) - 'a');
        return l <= 5 ? (int)l + 10 : -1;
    }
}
