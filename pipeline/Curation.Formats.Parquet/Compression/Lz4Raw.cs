namespace Curation.Formats.Parquet.Compression;

/// <summary>LZ4 block decoding for Parquet's LZ4_RAW codec, with every offset and length checked.</summary>
internal static class Lz4Raw
{
    public static void Decode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var pos = 0;
        var op = 0;
        while (pos < src.Length)
        {
            var token = src[pos++];
            var lit = ReadLength(src, ref pos, token >> 4);
            if (lit > src.Length - pos || lit > dst.Length - op) throw new InvalidDataException("lz4 literal runs past the end");
            src.Slice(pos, lit).CopyTo(dst.Slice(op));
            pos += lit;
            op += lit;
            if (pos == src.Length) break;
            if (pos + 2 > src.Length) throw new InvalidDataException("lz4 match offset runs past the end");
            var offset = src[pos] | src[pos + 1] << 8;
            pos += 2;
            var len = ReadLength(src, ref pos, token & 15) + 4;
            if (offset == 0 || offset > op || len > dst.Length - op) throw new InvalidDataException($"lz4 match (offset {offset}, length {len}) is out of range");
            SnappyRaw.CopyMatch(dst, op, offset, len);
            op += len;
        }
        if (op != dst.Length) throw new InvalidDataException($"lz4 block produced {op} of {dst.Length} bytes");
    }

    private static int ReadLength(ReadOnlySpan<byte> src, ref int pos, int nibble)
    {
        long len = nibble;
        if (nibble == 15)
        {
            byte b;
            do
            {
                if (pos >= src.Length) throw new InvalidDataException("lz4 length runs past the end");
                b = src[pos++];
                len += b;
                if (len > int.MaxValue) throw new InvalidDataException("lz4 length is absurd");
            } while (b == 255);
        }
        return (int)len;
    }
}
