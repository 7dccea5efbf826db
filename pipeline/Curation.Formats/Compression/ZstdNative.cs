using System.Runtime.InteropServices;

namespace Curation.Formats.Compression;

/// <summary>
/// P/Invoke surface of the system's libzstd (Debian package libzstd1, <c>libzstd.so.1</c>).
/// ZstdSharp is not in the reachable NuGet copy, and the system library is faster anyway.
/// </summary>
internal static partial class ZstdNative
{
    private const string Lib = "libzstd.so.1";

    [StructLayout(LayoutKind.Sequential)]
    internal struct Buffer
    {
        public nint Ptr;
        public nuint Size;
        public nuint Pos;
    }

    [LibraryImport(Lib)] internal static partial nuint ZSTD_compressBound(nuint srcSize);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_compress(nint dst, nuint dstCapacity, nint src, nuint srcSize, int level);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_decompress(nint dst, nuint dstCapacity, nint src, nuint srcSize);
    [LibraryImport(Lib)] internal static partial ulong ZSTD_getFrameContentSize(nint src, nuint srcSize);
    [LibraryImport(Lib)] internal static partial uint ZSTD_isError(nuint code);
    [LibraryImport(Lib)] internal static partial nint ZSTD_getErrorName(nuint code);
    [LibraryImport(Lib)] internal static partial uint ZSTD_versionNumber();

    [LibraryImport(Lib)] internal static partial nint ZSTD_createDCtx();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_freeDCtx(nint dctx);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_decompressStream(nint dctx, ref Buffer output, ref Buffer input);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_DStreamInSize();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_DStreamOutSize();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_decompressDCtx(nint dctx, nint dst, nuint dstCapacity, nint src, nuint srcSize);

    [LibraryImport(Lib)] internal static partial nint ZSTD_createCCtx();
    [LibraryImport(Lib)] internal static partial nuint ZSTD_freeCCtx(nint cctx);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_CCtx_setParameter(nint cctx, int param, int value);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_compressStream2(nint cctx, ref Buffer output, ref Buffer input, int endOp);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_compress2(nint cctx, nint dst, nuint dstCapacity, nint src, nuint srcSize);
    [LibraryImport(Lib)] internal static partial nuint ZSTD_CStreamOutSize();

    internal const int ZSTD_c_compressionLevel = 100;
    internal const int ZSTD_c_checksumFlag = 201;
    internal const int ZSTD_e_continue = 0;
    internal const int ZSTD_e_flush = 1;
    internal const int ZSTD_e_end = 2;
    internal const ulong ZSTD_CONTENTSIZE_UNKNOWN = unchecked(0UL - 1);
    internal const ulong ZSTD_CONTENTSIZE_ERROR = unchecked(0UL - 2);

    internal static bool IsError(nuint code) => ZSTD_isError(code) != 0;

    internal static string ErrorName(nuint code) => Marshal.PtrToStringAnsi(ZSTD_getErrorName(code)) ?? "unknown zstd error";
}
