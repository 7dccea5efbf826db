using System.Text;

namespace Curation.Tokenizers.Loading;

/// <summary>
/// GPT-2's reversible byte ↔ printable-character mapping used by byte-level BPE vocabularies
/// (<c>bytes_to_unicode</c>): printable Latin-1 bytes map to themselves, the rest to U+0100 upwards.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = Build();
    private static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, b)).ToDictionary(x => x.c, x => (byte)x.b);

    private static char[] Build()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }

    /// <summary>The mapped string of raw bytes.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes) sb.Append(ByteToChar[b]);
        return sb.ToString();
    }

    /// <summary>The raw bytes of a mapped string, or null when it has a character outside the alphabet.</summary>
    public static byte[]? TryDecode(string mapped)
    {
        var bytes = new byte[mapped.Length];
        for (var i = 0; i < mapped.Length; i++)
        {
            if (!CharToByte.TryGetValue(mapped[i], out var b)) return null;
            bytes[i] = b;
        }
        return bytes;
    }
}
