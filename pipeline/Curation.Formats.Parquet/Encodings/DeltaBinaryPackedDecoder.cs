namespace Curation.Formats.Parquet.Encodings;

/// <summary>Decodes DELTA_BINARY_PACKED integers (INT32 and INT64 pages, and the lengths inside the byte-array delta encodings).</summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>
    /// Decodes exactly <paramref name="dst"/>.Length values (the header's total count must be at least that);
    /// returns the bytes consumed. Arithmetic wraps, as the spec requires.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> src, Span<long> dst, out int totalCount)
    {
        var pos = 0;
        var blockSize = ReadVarint(src, ref pos);
        var miniblocks = ReadVarint(src, ref pos);
        var total = ReadVarint(src, ref pos);
        var first = ZigZag(ReadVarint(src, ref pos));
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20) throw new InvalidDataException($"delta block size {blockSize} is invalid");
        if (miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0) throw new InvalidDataException($"delta miniblock count {miniblocks} is invalid");
        if (total > int.MaxValue) throw new InvalidDataException($"delta value count {total} is absurd");
        totalCount = (int)total;
        var want = dst.Length;
        if (want > totalCount) throw new InvalidDataException($"delta page holds {totalCount} values, {want} expected");
        if (totalCount == 0) return pos;
        var perMini = (int)(blockSize / miniblocks);
        if (want > 0) dst[0] = first;
        var produced = 1;
        var last = first;
        Span<byte> widths = stackalloc byte[(int)Math.Min(miniblocks, 512)];
        if (miniblocks > 512) throw new InvalidDataException($"delta miniblock count {miniblocks} is absurd");
        long[] scratch = new long[perMini];
        // Values beyond the ones the caller asked for are still walked so the consumed size is right.
        while (produced < totalCount)
        {
            var minDelta = ZigZag(ReadVarint(src, ref pos));
            if (pos + (int)miniblocks > src.Length) throw new InvalidDataException("delta block header runs past the end of the data");
            src.Slice(pos, (int)miniblocks).CopyTo(widths);
            pos += (int)miniblocks;
            for (var m = 0; m < (int)miniblocks && produced < totalCount; m++)
            {
                var bw = widths[m];
                if (bw > 64) throw new InvalidDataException($"delta bit width {bw} exceeds 64");
                var bytes = perMini * bw / 8;
                var avail = Math.Min(bytes, src.Length - pos);
                var n = Math.Min(perMini, totalCount - produced);
                if ((long)n * bw > (long)avail * 8) throw new InvalidDataException("delta miniblock runs past the end of the data");
                BitPacking.Unpack64(src.Slice(pos, avail), bw, scratch.AsSpan(0, n));
                pos += avail;
                for (var k = 0; k < n; k++)
                {
                    last = unchecked(last + minDelta + scratch[k]);
                    if (produced < want) dst[produced] = last;
                    produced++;
                }
            }
        }
        return pos;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> src, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= src.Length) throw new InvalidDataException("delta header runs past the end of the data");
            var b = src[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new InvalidDataException("delta varint longer than 10 bytes");
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
