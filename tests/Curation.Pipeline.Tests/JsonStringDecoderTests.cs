using System.Buffers;
using System.Text;
using Curation.Pipeline.IO;

namespace Curation.Pipeline.Tests;

/// <summary>
/// The decoder's own UTF-8 decoding against the runtime's strict one (<see cref="Rune.DecodeFromUtf8"/>): every
/// one-, two- and three-byte sequence, and four-byte sequences over every lead and second byte with edge values
/// after them. Where the runtime decodes a whole sequence the decoder must produce the same chars and length; where
/// it does not (overlong forms, surrogates, beyond U+10FFFF, truncation) the decoder must refuse.
/// </summary>
public class JsonStringDecoderTests
{
    private static readonly byte[] Edges = [0x00, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF];

    private static void Check(byte[] seq, char[] dest)
    {
        var status = Rune.DecodeFromUtf8(seq, out var rune, out var consumed);
        var pos = 0;
        var written = 0;
        var ok = JsonStringDecoder.TryDecodeScalar(seq, ref pos, dest, ref written);
        if (seq[0] < 0x80)
        {
            Assert.False(ok); // ASCII never reaches the scalar decoder; it must not claim it
            Assert.Equal(0, pos);
            return;
        }
        if (status == OperationStatus.Done)
        {
            Assert.True(ok, $"refused valid {Convert.ToHexString(seq)}");
            Assert.Equal(consumed, pos);
            Assert.Equal(rune.ToString(), new string(dest, 0, written));
        }
        else
        {
            Assert.False(ok, $"accepted invalid {Convert.ToHexString(seq)} ({status})");
        }
    }

    [Fact]
    public void EveryShortSequence_DecodesExactlyAsTheRuntime()
    {
        var dest = new char[8];
        for (var b0 = 0; b0 < 256; b0++)
        {
            Check([(byte)b0], dest);
            for (var b1 = 0; b1 < 256; b1++)
            {
                Check([(byte)b0, (byte)b1], dest);
                if (b0 < 0xE0) continue; // a shorter sequence is settled by its first two bytes
                for (var b2 = 0; b2 < 256; b2++) Check([(byte)b0, (byte)b1, (byte)b2], dest);
            }
        }
    }

    [Fact]
    public void FourByteSequences_DecodeExactlyAsTheRuntime()
    {
        var dest = new char[8];
        for (var b0 = 0xF0; b0 < 256; b0++)
            for (var b1 = 0; b1 < 256; b1++)
                foreach (var b2 in Edges)
                    foreach (var b3 in Edges)
                        Check([(byte)b0, (byte)b1, b2, b3], dest);
    }

    [Theory]
    [InlineData("a\\nb\\\"c\\\\d\\/e\\bf\\fg\\rh\\ti")]
    [InlineData("\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n\\n")]
    [InlineData("0123456789012345678901234567890\\n0123456789012345678901234567890\\\\x\\u00e9café\\n")]
    [InlineData("ends with an escape right at the vector edge..\\n")]
    [InlineData("русский текст\\nи ещё café naïve 中文 😀 \\ud83d\\ude00")]
    public void EscapesAtEveryOffset_DecodeAsSystemTextJson(string body)
    {
        // Shifting the string by 0..40 bytes puts each escape at every position in a vector and near the line's end.
        for (var pad = 0; pad <= 40; pad++)
        {
            var json = "\"" + new string('p', pad) + body + "\"";
            var bytes = Encoding.UTF8.GetBytes(json);
            var expected = System.Text.Json.JsonSerializer.Deserialize<string>(bytes)!;
            var dest = new char[bytes.Length];
            var i = 1;
            Assert.True(JsonStringDecoder.TryDecode(bytes, ref i, dest, out var written), json);
            Assert.Equal(bytes.Length, i);
            Assert.Equal(expected, new string(dest, 0, written));
        }
    }
}
