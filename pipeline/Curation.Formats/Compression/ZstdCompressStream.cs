using System.Buffers;

namespace Curation.Formats.Compression;

/// <summary>Write-only stream producing one zstd frame with a content checksum. Dispose ends the frame.</summary>
public sealed class ZstdCompressStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly byte[] _out;
    private nint _cctx;

    public ZstdCompressStream(Stream inner, int level = Zstd.DefaultLevel, bool leaveOpen = false)
    {
        Zstd.EnsureAvailable();
        _inner = inner;
        _leaveOpen = leaveOpen;
        _out = ArrayPool<byte>.Shared.Rent((int)ZstdNative.ZSTD_CStreamOutSize());
        _cctx = ZstdNative.ZSTD_createCCtx();
        if (_cctx == 0) throw new OutOfMemoryException("ZSTD_createCCtx");
        Check(ZstdNative.ZSTD_CCtx_setParameter(_cctx, ZstdNative.ZSTD_c_compressionLevel, level));
        Check(ZstdNative.ZSTD_CCtx_setParameter(_cctx, ZstdNative.ZSTD_c_checksumFlag, 1));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => Pump(buffer, ZstdNative.ZSTD_e_continue);

    private unsafe void Pump(ReadOnlySpan<byte> data, int op)
    {
        ObjectDisposedException.ThrowIf(_cctx == 0, this);
        fixed (byte* i = data)
        fixed (byte* o = _out)
        {
            var ib = new ZstdNative.Buffer { Ptr = (nint)i, Size = (nuint)data.Length, Pos = 0 };
            while (true)
            {
                var ob = new ZstdNative.Buffer { Ptr = (nint)o, Size = (nuint)_out.Length, Pos = 0 };
                var remaining = ZstdNative.ZSTD_compressStream2(_cctx, ref ob, ref ib, op);
                Check(remaining);
                if (ob.Pos > 0) _inner.Write(_out, 0, (int)ob.Pos);
                var done = op == ZstdNative.ZSTD_e_continue ? ib.Pos == ib.Size : remaining == 0;
                if (done) break;
            }
        }
    }

    public override void Flush()
    {
        Pump([], ZstdNative.ZSTD_e_flush);
        _inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (_cctx != 0)
        {
            try
            {
                if (disposing) Pump([], ZstdNative.ZSTD_e_end);
            }
            finally
            {
                ZstdNative.ZSTD_freeCCtx(_cctx);
                _cctx = 0;
                ArrayPool<byte>.Shared.Return(_out);
                if (disposing && !_leaveOpen) _inner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private static void Check(nuint r)
    {
        if (ZstdNative.IsError(r)) throw new InvalidOperationException("zstd: " + ZstdNative.ErrorName(r));
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
