using System.Runtime.InteropServices;

namespace Curation.Formats.Compression;

/// <summary>
/// zstd through the system's <c>libzstd.so.1</c>: one-shot block compression (Parquet pages) and
/// streams (.zst files). Fails with <see cref="ZstdUnavailableException"/> naming the library when it is missing.
/// </summary>
public static class Zstd
{
    /// <summary>The default level used by writers (zstd's own default).</summary>
    public const int DefaultLevel = 3;

    private static readonly Lazy<uint> VersionLazy = new(() =>
    {
        try { return ZstdNative.ZSTD_versionNumber(); }
        catch (DllNotFoundException e) { throw new ZstdUnavailableException(e); }
        catch (EntryPointNotFoundException e) { throw new ZstdUnavailableException(e); }
    });

    /// <summary>libzstd's version as major*10000 + minor*100 + patch; throws when the library is missing.</summary>
    public static uint Version => VersionLazy.Value;

    /// <summary>Throws <see cref="ZstdUnavailableException"/> unless libzstd.so.1 can be loaded.</summary>
    public static void EnsureAvailable() => _ = Version;

    /// <summary>Largest compressed size of <paramref name="sourceLength"/> bytes.</summary>
    public static int CompressBound(int sourceLength)
    {
        EnsureAvailable();
        return checked((int)ZstdNative.ZSTD_compressBound((nuint)sourceLength));
    }

    /// <summary>Compresses into a new array (one frame, content size recorded in the header).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, int level = DefaultLevel)
    {
        var dst = new byte[CompressBound(source.Length)];
        var n = Compress(source, dst, level);
        Array.Resize(ref dst, n);
        return dst;
    }

    /// <summary>Compresses into <paramref name="destination"/>; returns the bytes written.</summary>
    public static unsafe int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level = DefaultLevel)
    {
        EnsureAvailable();
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            var r = ZstdNative.ZSTD_compress((nint)d, (nuint)destination.Length, (nint)s, (nuint)source.Length, level);
            if (ZstdNative.IsError(r)) throw new InvalidOperationException("zstd compress: " + ZstdNative.ErrorName(r));
            return (int)r;
        }
    }

    /// <summary>
    /// Decompresses a buffer whose uncompressed size is known (Parquet pages record it).
    /// Throws <see cref="InvalidDataException"/> when the data is damaged or the size disagrees.
    /// </summary>
    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        EnsureAvailable();
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            var r = ZstdNative.ZSTD_decompress((nint)d, (nuint)destination.Length, (nint)s, (nuint)source.Length);
            if (ZstdNative.IsError(r)) throw new InvalidDataException("zstd: " + ZstdNative.ErrorName(r));
            return (int)r;
        }
    }

    /// <summary>The content size recorded in a frame header, or null when the frame does not record it.</summary>
    public static unsafe long? FrameContentSize(ReadOnlySpan<byte> source)
    {
        EnsureAvailable();
        fixed (byte* s = source)
        {
            var r = ZstdNative.ZSTD_getFrameContentSize((nint)s, (nuint)source.Length);
            if (r == ZstdNative.ZSTD_CONTENTSIZE_ERROR) throw new InvalidDataException("zstd: not a zstd frame");
            return r == ZstdNative.ZSTD_CONTENTSIZE_UNKNOWN ? null : (long)r;
        }
    }
}

/// <summary>The system zstd library could not be loaded.</summary>
public sealed class ZstdUnavailableException(Exception inner)
    : Exception("zstd support needs the system library libzstd.so.1 (Debian/Ubuntu: apt-get install libzstd1), which could not be loaded: " + inner.Message, inner);
