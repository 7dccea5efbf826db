namespace Curation.Formats.Parquet.Encodings;

/// <summary>
/// Encodes integers with the RLE / bit-packed hybrid: runs of ≥ 8 equal values become RLE runs, the
/// rest bit-packed groups of 8 (the last group zero-padded; readers know the value count).
/// </summary>
internal static class RleHybridEncoder
{
    /// <summary>Appends the encoding of <paramref name="values"/> to <paramref name="output"/>.</summary>
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var valueBytes = (bitWidth + 7) / 8;
        Span<int> group = stackalloc int[8];
        var i = 0;
        while (i < values.Length)
        {
            var run = RunLength(values, i);
            if (run >= 8)
            {
                output.WriteVarint((ulong)run << 1);
                for (var k = 0; k < valueBytes; k++) output.WriteByte((byte)(values[i] >> (8 * k)));
                i += run;
                continue;
            }
            var start = i;
            var groups = 0;
            while (i < values.Length && (groups == 0 || RunLength(values, i) < 8))
            {
                i = Math.Min(values.Length, i + 8);
                groups++;
            }
            output.WriteVarint(((ulong)groups << 1) | 1);
            var span = output.GetSpan(groups * bitWidth);
            var written = 0;
            for (var g = 0; g < groups; g++)
            {
                group.Clear();
                var take = Math.Min(8, i - (start + g * 8));
                values.Slice(start + g * 8, take).CopyTo(group);
                written += BitPacking.Pack(group, bitWidth, span.Slice(written));
            }
            output.Advance(written);
        }
    }

    private static int RunLength(ReadOnlySpan<int> values, int i)
    {
        var v = values[i];
        var j = i + 1;
        while (j < values.Length && values[j] == v) j++;
        return j - i;
    }

    /// <summary>Bits needed for <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => maxValue == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxValue);
}
