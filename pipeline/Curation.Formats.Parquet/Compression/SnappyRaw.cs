namespace Curation.Formats.Parquet.Compression;

/// <summary>
/// Raw snappy block decoding (Parquet's SNAPPY is the block format, not the framed stream), written
/// against the snappy format description with every offset and length checked.
/// </summary>
internal static class SnappyRaw
{
    /// <summary>Decodes <paramref name="src"/> into <paramref name="dst"/>, whose length must equal the block's declared size.</summary>
    public static void Decode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var pos = 0;
        ulong declared = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (pos >= src.Length || shift > 28) throw new InvalidDataException("snappy length header is damaged");
            var b = src[pos++];
            declared |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        if (declared != (ulong)dst.Length) throw new InvalidDataException($"snappy block declares {declared} bytes, the page header {dst.Length}");
        var op = 0;
        while (pos < src.Length)
        {
            var tag = src[pos++];
            int len, offset;
            switch (tag & 3)
            {
                case 0:
                    len = tag >> 2;
                    if (len >= 60)
                    {
                        var extra = len - 59;
                        if (pos + extra > src.Length) throw new InvalidDataException("snappy literal length runs past the end");
                        len = 0;
                        for (var k = 0; k < extra; k++) len |= src[pos + k] << (8 * k);
                        pos += extra;
                        if (len < 0) throw new InvalidDataException("snappy literal length is absurd");
                    }
                    len += 1;
                    if (len > src.Length - pos || len > dst.Length - op) throw new InvalidDataException("snappy literal runs past the end");
                    src.Slice(pos, len).CopyTo(dst.Slice(op));
                    pos += len;
                    op += len;
                    continue;
                case 1:
                    if (pos >= src.Length) throw new InvalidDataException("snappy copy runs past the end");
                    len = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | src[pos++];
                    break;
                case 2:
                    if (pos + 2 > src.Length) throw new InvalidDataException("snappy copy runs past the end");
                    len = 1 + (tag >> 2);
                    offset = src[pos] | src[pos + 1] << 8;
                    pos += 2;
                    break;
                default:
                    if (pos + 4 > src.Length) throw new InvalidDataException("snappy copy runs past the end");
                    len = 1 + (tag >> 2);
                    offset = src[pos] | src[pos + 1] << 8 | src[pos + 2] << 16 | src[pos + 3] << 24;
                    pos += 4;
                    break;
            }
            if (offset <= 0 || offset > op || len > dst.Length - op) throw new InvalidDataException($"snappy copy (offset {offset}, length {len}) is out of range");
            CopyMatch(dst, op, offset, len);
            op += len;
        }
        if (op != dst.Length) throw new InvalidDataException($"snappy block produced {op} of {dst.Length} bytes");
    }

    internal static void CopyMatch(Span<byte> dst, int op, int offset, int len)
    {
        if (offset >= len) { dst.Slice(op - offset, len).CopyTo(dst.Slice(op)); return; }
        for (var k = 0; k < len; k++) dst[op + k] = dst[op - offset + k];
    }
}
