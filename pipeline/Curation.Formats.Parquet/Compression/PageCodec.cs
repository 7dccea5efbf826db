using System.IO.Compression;
using Curation.Formats.Compression;
using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies for every codec Curation supports.</summary>
internal static class PageCodec
{
    /// <summary>True for the codecs this reader can decode.</summary>
    public static bool CanDecode(CompressionCodec codec) =>
        codec is CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip or CompressionCodec.Zstd or CompressionCodec.Lz4Raw;

    /// <summary>Decompresses into <paramref name="dst"/> (sized from the page header); the output must fill it exactly.</summary>
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> src, Span<byte> dst)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (src.Length != dst.Length) throw new InvalidDataException($"uncompressed page has {src.Length} bytes, its header says {dst.Length}");
                src.CopyTo(dst);
                break;
            case CompressionCodec.Snappy: SnappyRaw.Decode(src, dst); break;
            case CompressionCodec.Zstd:
            {
                var n = ZstdContexts.Decompress(src, dst);
                if (n != dst.Length) throw new InvalidDataException($"zstd page produced {n} of {dst.Length} bytes");
                break;
            }
            case CompressionCodec.Gzip: Gunzip(src, dst); break;
            case CompressionCodec.Lz4Raw: Lz4Raw.Decode(src, dst); break;
            default: throw new NotSupportedException($"Parquet codec {codec} is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW)");
        }
    }

    private static unsafe void Gunzip(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        fixed (byte* p = src)
        {
            using var ms = new UnmanagedMemoryStream(p, src.Length);
            using var gz = new GZipStream(ms, CompressionMode.Decompress);
            var total = 0;
            while (total < dst.Length)
            {
                var n = gz.Read(dst.Slice(total));
                if (n == 0) break;
                total += n;
            }
            if (total != dst.Length || gz.Read(stackalloc byte[1]) != 0)
                throw new InvalidDataException($"gzip page does not decompress to the {dst.Length} bytes its header declares");
        }
    }

    /// <summary>Compresses a page body into <paramref name="output"/> (cleared first).</summary>
    public static void Compress(CompressionCodec codec, ReadOnlySpan<byte> src, int level, Encodings.ByteBuffer output)
    {
        output.Clear();
        switch (codec)
        {
            case CompressionCodec.Uncompressed: output.Write(src); break;
            case CompressionCodec.Zstd:
            {
                var span = output.GetSpan(Zstd.CompressBound(src.Length));
                output.Advance(ZstdContexts.Compress(src, span, level));
                break;
            }
            case CompressionCodec.Snappy: SnappyCompressor.Compress(src, output); break;
            case CompressionCodec.Gzip:
            {
                using var ms = new MemoryStream();
                using (var gz = new GZipStream(ms, GzipLevel(level), leaveOpen: true)) gz.Write(src);
                output.Write(ms.GetBuffer().AsSpan(0, (int)ms.Length));
                break;
            }
            default: throw new NotSupportedException($"Curation writes Parquet with ZSTD, SNAPPY, GZIP or UNCOMPRESSED, not {codec}");
        }
    }

    private static CompressionLevel GzipLevel(int level) => level switch
    {
        <= 1 => CompressionLevel.Fastest,
        >= 9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };
}
