using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
            CopyAsciiRun(s, ref pos, dest, ref written);
            if (pos >= s.Length) return false;
            var b = s[pos];
            if (b == '"')
            {
                i = pos + 1;
                return true;
            }
            if (b >= 0x80)
            {
                // A non-ASCII run: transcoded (and validated) up to the next quote, backslash or control byte.
                var rel = s[pos..].IndexOfAny(Specials);
                if (rel < 0 || Utf8.ToUtf16(s.Slice(pos, rel), dest[written..], out _, out var n, replaceInvalidSequences: false) != OperationStatus.Done)
                    return false;
                written += n;
                pos += rel;
                continue;
            }
            if (b != '\\' || ++pos >= s.Length) return false;
            switch (s[pos])
            {
                case (byte)'n': dest[written++] = '\n'; break;
                case (byte)'"': dest[written++] = '"'; break;
                case (byte)'\\': dest[written++] = '\\'; break;
                case (byte)'/': dest[written++] = '/'; break;
                case (byte)'b': dest[written++] = '\b'; break;
                case (byte)'f': dest[written++] = '\f'; break;
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
    /// Copies the plain ASCII bytes at <paramref name="pos"/> (no quote, backslash or control byte) to
    /// <paramref name="dest"/>, a vector at a time, stopping at the first byte that needs a look. Prose is mostly
    /// such runs between escapes; classifying and widening them in one step halves the passes over the bytes, and
    /// avoids two library calls per run between the frequent <c>\n</c> escapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyAsciiRun(ReadOnlySpan<byte> s, ref int pos, Span<char> dest, ref int written)
    {
        ref var src = ref MemoryMarshal.GetReference(s);
        ref var dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(dest));
        var p = pos;
        var w = written;
        // One width only: 256-bit vectors run everywhere AVX2 does (AVX-512 machines included), so the path the tests
        // take on any x64 CI machine is the one that ships; a 512-bit copy measured no faster on this corpus.
        if (Vector256.IsHardwareAccelerated)
        {
            while (p + Vector256<byte>.Count <= s.Length && w + Vector256<byte>.Count <= dest.Length)
            {
                var v = Vector256.LoadUnsafe(ref src, (nuint)p);
                // The whole vector is widened and stored before looking at it: chars past a special are overwritten later.
                var (lo, hi) = Vector256.Widen(v);
                lo.StoreUnsafe(ref dst, (nuint)w);
                hi.StoreUnsafe(ref dst, (nuint)(w + Vector256<ushort>.Count));
                var special = Vector256.LessThan(v, Vector256.Create((byte)0x20)) | Vector256.Equals(v, Vector256.Create((byte)'"'))
                    | Vector256.Equals(v, Vector256.Create((byte)'\\'));
                var mask = special.ExtractMostSignificantBits() | v.ExtractMostSignificantBits();
                if (mask != 0)
                {
                    var k = BitOperations.TrailingZeroCount(mask);
                    pos = p + k;
                    written = w + k;
                    return;
                }
                p += Vector256<byte>.Count;
                w += Vector256<byte>.Count;
            }
        }
        // The tail shorter than a vector (or no vectors at all).
        while (p < s.Length && w < dest.Length)
        {
            var b = s[p];
            if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
            dest[w++] = (char)b;
            p++;
        }
        pos = p;
        written = w;
    }

    /// <summary>
    /// Finds the end of the string whose opening quote is at <c>s[i - 1]</c> when it has no escape: on success
    /// <paramref name="end"/> is the index of the closing quote. False for escapes, control bytes or no end.
    /// </summary>
    public static bool TryFindPlainEnd(ReadOnlySpan<byte> s, int i, out int end)
    {
        // Keys and most metadata values are short: a plain loop finds their end sooner than a vectorized search.
        var limit = Math.Min(s.Length, i + 32);
        for (end = i; end < limit; end++)
        {
            var b = s[end];
            if (b == '"') return true;
            if (b == '\\' || b < 0x20) return false;
        }
        if (limit == s.Length) return false;
        var rel = s[limit..].IndexOfAny(Specials);
        end = limit + rel;
        return rel >= 0 && s[end] == '"';
    }

    /// <summary>
    /// Validates the string whose opening quote is at <c>s[i - 1]</c> without decoding it, as the reference does for
    /// nested values: escapes must be well-formed (surrogates are not paired there) and the bytes valid UTF-8.
    /// </summary>
    public static bool TrySkip(ReadOnlySpan<byte> s, ref int i)
    {
        var pos = i;
        // Nested metadata strings are short and plain ASCII: a byte loop settles them without the library calls.
        for (; pos < s.Length; pos++)
        {
            var b = s[pos];
            if (b == '"')
            {
                i = pos + 1;
                return true;
            }
            if (b < 0x20 || b >= 0x80 || b == '\\') break;
        }
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
