using System.Runtime.InteropServices;

namespace Curation.Formats.Compression;

/// <summary>
/// The system zlib (<c>libz.so.1</c>, always present where .NET runs on Linux). Used for gzip reading because
/// it reports a stream that ends inside a member, which System.IO.Compression's GZipStream silently accepts.
/// </summary>
internal static unsafe partial class ZlibNative
{
    private const string Lib = "libz.so.1";

    /// <summary>zlib's z_stream on LP64 (112 bytes); allocated in native memory because zlib keeps a pointer to it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public sbyte* Msg;
        public nint State;
        public nint ZAlloc;
        public nint ZFree;
        public nint Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }

    internal const int Z_OK = 0;
    internal const int Z_STREAM_END = 1;
    internal const int Z_NEED_DICT = 2;
    internal const int Z_BUF_ERROR = -5;
    internal const int Z_NO_FLUSH = 0;

    [LibraryImport(Lib, EntryPoint = "zlibVersion")] internal static partial nint ZlibVersion();
    [LibraryImport(Lib, EntryPoint = "inflateInit2_")] internal static partial int InflateInit2(ZStream* strm, int windowBits, nint version, int streamSize);
    [LibraryImport(Lib, EntryPoint = "inflate")] internal static partial int Inflate(ZStream* strm, int flush);
    [LibraryImport(Lib, EntryPoint = "inflateReset")] internal static partial int InflateReset(ZStream* strm);
    [LibraryImport(Lib, EntryPoint = "inflateEnd")] internal static partial int InflateEnd(ZStream* strm);

    internal static string Message(ZStream* s, int code) =>
        s->Msg != null ? Marshal.PtrToStringAnsi((nint)s->Msg) ?? $"zlib error {code}" : $"zlib error {code}";
}
