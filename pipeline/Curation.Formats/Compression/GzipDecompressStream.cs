using System.Buffers;
using System.Runtime.InteropServices;

namespace Curation.Formats.Compression;

/// <summary>
/// Strict gzip reader over the system zlib: handles multi-member files, verifies every member's CRC and length,
/// and throws <see cref="CorruptDataException"/> with the compressed offset when the file ends inside a member
/// or is damaged. (System.IO.Compression.GZipStream returns a silently shortened stream on truncation.)
/// </summary>
public sealed unsafe class GzipDecompressStream : ReadOnlyStream
{
    private const int InputBufferSize = 1 << 17;
    private readonly Stream _inner;
    private readonly string _path;
    private readonly bool _leaveOpen;
    private readonly byte[] _in;
    private readonly GCHandle _inHandle;
    private ZlibNative.ZStream* _z;
    private long _inConsumedBefore;
    private int _inLen;
    private bool _innerEof;
    private bool _inMember; // true between a member's first byte and its verified trailer
    private bool _any;

    public GzipDecompressStream(Stream inner, string path, bool leaveOpen = false)
    {
        _inner = inner;
        _path = path;
        _leaveOpen = leaveOpen;
        _in = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        _inHandle = GCHandle.Alloc(_in, GCHandleType.Pinned);
        _z = (ZlibNative.ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZlibNative.ZStream));
        // 15 + 16: a gzip wrapper only (a zlib or raw stream inside a .gz is corrupt, not something to guess at).
        var rc = ZlibNative.InflateInit2(_z, 15 + 16, ZlibNative.ZlibVersion(), sizeof(ZlibNative.ZStream));
        if (rc != ZlibNative.Z_OK) throw new InvalidOperationException($"inflateInit2 failed ({rc})");
    }

    /// <summary>Compressed bytes consumed so far.</summary>
    public long CompressedPosition => _inConsumedBefore + (_inLen - (int)_z->AvailIn);

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_z == null, this);
        if (buffer.IsEmpty) return 0;
        fixed (byte* outPtr = buffer)
        {
            while (true)
            {
                if (_z->AvailIn == 0)
                {
                    if (!Refill())
                    {
                        if (_inMember)
                            throw new CorruptDataException(_path, CompressedPosition, "gzip stream ends inside a member (file truncated?)");
                        if (!_any)
                            return 0; // an empty file is an empty stream; the caller decides whether that matters
                        return 0;
                    }
                }
                _inMember = true;
                _any = true;
                _z->NextOut = outPtr;
                _z->AvailOut = (uint)buffer.Length;
                var rc = ZlibNative.Inflate(_z, ZlibNative.Z_NO_FLUSH);
                var produced = buffer.Length - (int)_z->AvailOut;
                if (rc == ZlibNative.Z_STREAM_END)
                {
                    _inMember = false;
                    ZlibNative.InflateReset(_z);
                    SkipZeroPadding();
                }
                else if (rc != ZlibNative.Z_OK && !(rc == ZlibNative.Z_BUF_ERROR && _z->AvailIn == 0))
                {
                    throw new CorruptDataException(_path, CompressedPosition, "gzip: " + ZlibNative.Message(_z, rc));
                }
                if (produced > 0) return produced;
            }
        }
    }

    // Some writers pad a file with zero bytes after the last member (tar-like tools do); gzip(1) accepts that.
    private void SkipZeroPadding()
    {
        while (true)
        {
            while (_z->AvailIn > 0 && *_z->NextIn == 0) { _z->NextIn++; _z->AvailIn--; }
            if (_z->AvailIn > 0) return;
            if (!Refill()) return;
        }
    }

    private bool Refill()
    {
        if (_innerEof) return false;
        _inConsumedBefore += _inLen;
        _inLen = _inner.Read(_in, 0, InputBufferSize);
        if (_inLen == 0)
        {
            _innerEof = true;
            return false;
        }
        _z->NextIn = (byte*)_inHandle.AddrOfPinnedObject();
        _z->AvailIn = (uint)_inLen;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (_z != null)
        {
            ZlibNative.InflateEnd(_z);
            NativeMemory.Free(_z);
            _z = null;
            _inHandle.Free();
            ArrayPool<byte>.Shared.Return(_in);
            if (disposing && !_leaveOpen) _inner.Dispose();
        }
        base.Dispose(disposing);
    }

}
