using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace Curation.Formats.Parquet.Encodings;

/// <summary>Little-endian, LSB-first bit packing as used by Parquet's RLE hybrid and delta encodings.</summary>
internal static class BitPacking
{
    /// <summary>Unpacks <paramref name="dst"/>.Length values of <paramref name="bitWidth"/> bits (≤ 32) from <paramref name="src"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unpack32(ReadOnlySpan<byte> src, int bitWidth, Span<int> dst)
    {
        if (bitWidth == 0) { dst.Clear(); return; }
        var need = ((long)dst.Length * bitWidth + 7) / 8;
        if (need > src.Length) throw new InvalidDataException($"bit-packed run needs {need} bytes, {src.Length} left");
        var mask = bitWidth == 32 ? ulong.MaxValue : (1UL << bitWidth) - 1;
        long bit = 0;
        var fastEnd = src.Length - 8;
        for (var i = 0; i < dst.Length; i++, bit += bitWidth)
        {
            var bytePos = (int)(bit >> 3);
            ulong word = bytePos <= fastEnd ? BinaryPrimitives.ReadUInt64LittleEndian(src.Slice(bytePos)) : LoadTail(src, bytePos);
            dst[i] = (int)((word >> (int)(bit & 7)) & mask);
        }
    }

    /// <summary>Unpacks values of up to 64 bits (delta encoding miniblocks).</summary>
    public static void Unpack64(ReadOnlySpan<byte> src, int bitWidth, Span<long> dst)
    {
        if (bitWidth == 0) { dst.Clear(); return; }
        if (bitWidth > 64) throw new InvalidDataException($"bit width {bitWidth} exceeds 64");
        var need = ((long)dst.Length * bitWidth + 7) / 8;
        if (need > src.Length) throw new InvalidDataException($"bit-packed miniblock needs {need} bytes, {src.Length} left");
        long bit = 0;
        for (var i = 0; i < dst.Length; i++, bit += bitWidth)
        {
            ulong v = 0;
            var got = 0;
            var b = bit;
            while (got < bitWidth)
            {
                var bytePos = (int)(b >> 3);
                var shift = (int)(b & 7);
                var take = Math.Min(8 - shift, bitWidth - got);
                var part = (ulong)((src[bytePos] >> shift) & ((1 << take) - 1));
                v |= part << got;
                got += take;
                b += take;
            }
            dst[i] = (long)v;
        }
    }

    /// <summary>Packs values of <paramref name="bitWidth"/> bits LSB-first; returns bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Pack(ReadOnlySpan<int> values, int bitWidth, Span<byte> dst)
    {
        var bytes = (values.Length * bitWidth + 7) / 8;
        dst.Slice(0, bytes).Clear();
        if (bitWidth == 0) return 0;
        ulong acc = 0;
        var accBits = 0;
        var pos = 0;
        foreach (var value in values)
        {
            acc |= (ulong)(uint)value << accBits;
            accBits += bitWidth;
            while (accBits >= 8)
            {
                dst[pos++] = (byte)acc;
                acc >>= 8;
                accBits -= 8;
            }
        }
        if (accBits > 0) dst[pos++] = (byte)acc;
        return pos;
    }

    private static ulong LoadTail(ReadOnlySpan<byte> src, int bytePos)
    {
        ulong w = 0;
        for (var k = 0; k < 8 && bytePos + k < src.Length; k++) w |= (ulong)src[bytePos + k] << (8 * k);
        return w;
    }
}
