using System.Runtime.CompilerServices;

namespace Curation.Formats.Parquet.Encodings;

/// <summary>Decodes the RLE / bit-packed hybrid encoding (levels, dictionary indices, booleans).</summary>
internal static class RleHybridDecoder
{
    /// <summary>Fills <paramref name="dst"/> from <paramref name="src"/>; returns the bytes consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> src, int bitWidth, Span<int> dst)
    {
        if (bitWidth is < 0 or > 32) throw new InvalidDataException($"RLE bit width {bitWidth} is out of range");
        var pos = 0;
        var i = 0;
        var valueBytes = (bitWidth + 7) / 8;
        while (i < dst.Length)
        {
            if (pos >= src.Length) throw new InvalidDataException($"RLE data ends after {i} of {dst.Length} values");
            var header = ReadVarint(src, ref pos);
            if ((header & 1) == 0)
            {
                var run = header >> 1;
                if (pos + valueBytes > src.Length) throw new InvalidDataException("RLE run value runs past the end of the data");
                var value = 0;
                for (var k = 0; k < valueBytes; k++) value |= src[pos + k] << (8 * k);
                pos += valueBytes;
                var n = (int)Math.Min(run, (ulong)(dst.Length - i));
                dst.Slice(i, n).Fill(value);
                i += n;
            }
            else
            {
                var groups = header >> 1;
                if (groups > (ulong)(src.Length - pos + 1) * 8) throw new InvalidDataException($"bit-packed run of {groups} groups exceeds the data");
                var count = (long)groups * 8;
                var n = (int)Math.Min(count, dst.Length - i);
                var available = src.Length - pos;
                var runBytes = (int)Math.Min((long)groups * bitWidth, available);
                BitPacking.Unpack32(src.Slice(pos, runBytes), bitWidth, dst.Slice(i, n));
                pos += runBytes;
                i += n;
            }
        }
        return pos;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> src, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= src.Length) throw new InvalidDataException("RLE run header runs past the end of the data");
            var b = src[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("RLE run header longer than 10 bytes");
    }
}
