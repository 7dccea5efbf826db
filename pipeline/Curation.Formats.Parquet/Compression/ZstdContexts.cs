using System.Runtime.InteropServices;
using Curation.Formats.Compression;

namespace Curation.Formats.Parquet.Compression;

/// <summary>
/// Reused zstd compression/decompression contexts for page bodies. The one-shot API creates and frees a
/// context (and clears its tables) on every page; reusing one per thread is measurably faster on 1 MiB pages.
/// </summary>
internal static partial class ZstdContexts
{
    private const string Lib = "libzstd.so.1";

    [ThreadStatic] private static ContextPair? _current;

    private static ContextPair Current => _current ??= new ContextPair();

    public static unsafe int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        Zstd.EnsureAvailable();
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            var r = ZSTD_compressCCtx(Current.Compressor, (nint)d, (nuint)destination.Length, (nint)s, (nuint)source.Length, level);
            if (ZSTD_isError(r) != 0) throw new InvalidOperationException("zstd compress: " + ErrorName(r));
            return (int)r;
        }
    }

    public static unsafe int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Zstd.EnsureAvailable();
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            var r = ZSTD_decompressDCtx(Current.Decompressor, (nint)d, (nuint)destination.Length, (nint)s, (nuint)source.Length);
            if (ZSTD_isError(r) != 0) throw new InvalidDataException("zstd: " + ErrorName(r));
            return (int)r;
        }
    }

    private static string ErrorName(nuint code) => Marshal.PtrToStringAnsi(ZSTD_getErrorName(code)) ?? "unknown zstd error";

    /// <summary>One thread's contexts, freed by the finalizer when the thread's static goes away.</summary>
    private sealed class ContextPair
    {
        public readonly nint Compressor = ZSTD_createCCtx();
        public readonly nint Decompressor = ZSTD_createDCtx();

        ~ContextPair()
        {
            ZSTD_freeCCtx(Compressor);
            ZSTD_freeDCtx(Decompressor);
        }
    }

    [LibraryImport(Lib)] private static partial nint ZSTD_createCCtx();
    [LibraryImport(Lib)] private static partial nuint ZSTD_freeCCtx(nint cctx);
    [LibraryImport(Lib)] private static partial nint ZSTD_createDCtx();
    [LibraryImport(Lib)] private static partial nuint ZSTD_freeDCtx(nint dctx);
    [LibraryImport(Lib)] private static partial nuint ZSTD_compressCCtx(nint cctx, nint dst, nuint dstCapacity, nint src, nuint srcSize, int level);
    [LibraryImport(Lib)] private static partial nuint ZSTD_decompressDCtx(nint dctx, nint dst, nuint dstCapacity, nint src, nuint srcSize);
    [LibraryImport(Lib)] private static partial uint ZSTD_isError(nuint code);
    [LibraryImport(Lib)] private static partial nint ZSTD_getErrorName(nuint code);
}
