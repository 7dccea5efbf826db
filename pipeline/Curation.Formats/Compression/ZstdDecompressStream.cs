using System.Buffers;

namespace Curation.Formats.Compression;

/// <summary>
/// Read-only stream that decompresses a .zst stream (one or more frames). A stream that ends inside a frame
/// throws <see cref="CorruptDataException"/> with the compressed offset, so a truncated file fails its task
/// instead of yielding a silently shorter file.
/// </summary>
public sealed class ZstdDecompressStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly string _path;
    private readonly bool _leaveOpen;
    private readonly byte[] _in;
    private nint _dctx;
    private int _inPos, _inLen;
    private long _inConsumedBefore; // compressed bytes consumed before the current _in buffer
    private bool _innerEof;
    private nuint _lastHint; // 0 once a frame has been completely decoded and flushed
    private bool _sawData;

    public ZstdDecompressStream(Stream inner, string path, bool leaveOpen = false)
    {
        Zstd.EnsureAvailable();
        _inner = inner;
        _path = path;
        _leaveOpen = leaveOpen;
        _in = ArrayPool<byte>.Shared.Rent((int)ZstdNative.ZSTD_DStreamInSize());
        _dctx = ZstdNative.ZSTD_createDCtx();
        if (_dctx == 0) throw new OutOfMemoryException("ZSTD_createDCtx");
    }

    /// <summary>Compressed bytes consumed so far: the offset reported in errors.</summary>
    public long CompressedPosition => _inConsumedBefore + _inPos;

    public override unsafe int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_dctx == 0, this);
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_inPos == _inLen && !_innerEof)
            {
                _inConsumedBefore += _inLen;
                _inLen = _inner.Read(_in, 0, _in.Length);
                _inPos = 0;
                if (_inLen == 0) _innerEof = true;
                else _sawData = true;
            }
            if (_inPos == _inLen && _innerEof)
            {
                if (_sawData && _lastHint != 0)
                    throw new CorruptDataException(_path, CompressedPosition, "zstd stream ends inside a frame (file truncated?)");
                return 0;
            }
            fixed (byte* o = buffer)
            fixed (byte* i = _in)
            {
                var ob = new ZstdNative.Buffer { Ptr = (nint)o, Size = (nuint)buffer.Length, Pos = 0 };
                var ib = new ZstdNative.Buffer { Ptr = (nint)i, Size = (nuint)_inLen, Pos = (nuint)_inPos };
                var r = ZstdNative.ZSTD_decompressStream(_dctx, ref ob, ref ib);
                _inPos = (int)ib.Pos;
                if (ZstdNative.IsError(r))
                    throw new CorruptDataException(_path, CompressedPosition, "zstd: " + ZstdNative.ErrorName(r));
                _lastHint = r;
                if (ob.Pos > 0) return (int)ob.Pos;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (_dctx != 0)
        {
            ZstdNative.ZSTD_freeDCtx(_dctx);
            _dctx = 0;
            ArrayPool<byte>.Shared.Return(_in);
            if (disposing && !_leaveOpen) _inner.Dispose();
        }
        base.Dispose(disposing);
    }

}
