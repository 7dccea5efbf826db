using System.Buffers.Binary;

namespace Curation.Formats.Parquet.Encodings;

/// <summary>A growable byte buffer for building pages (cheaper than MemoryStream for small appends).</summary>
internal sealed class ByteBuffer
{
    private byte[] _buf;
    private int _len;

    public ByteBuffer(int capacity = 1024) => _buf = new byte[capacity];

    public int Length => _len;

    public ReadOnlySpan<byte> Span => _buf.AsSpan(0, _len);

    public byte[] Array => _buf;

    public void Clear() => _len = 0;

    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        return _buf.AsSpan(_len, size);
    }

    public void Advance(int n) => _len += n;

    public void WriteByte(byte b)
    {
        Ensure(1);
        _buf[_len++] = b;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        Ensure(data.Length);
        data.CopyTo(_buf.AsSpan(_len));
        _len += data.Length;
    }

    public void WriteInt32(int v)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(_len), v);
        _len += 4;
    }

    public void WriteInt64(long v)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buf.AsSpan(_len), v);
        _len += 8;
    }

    public void WriteVarint(ulong v)
    {
        Ensure(10);
        while (v >= 0x80)
        {
            _buf[_len++] = (byte)(v | 0x80);
            v >>= 7;
        }
        _buf[_len++] = (byte)v;
    }

    /// <summary>Overwrites 4 bytes at <paramref name="position"/> (a length prefix written before its data).</summary>
    public void PatchInt32(int position, int v) => BinaryPrimitives.WriteInt32LittleEndian(_buf.AsSpan(position), v);

    private void Ensure(int extra)
    {
        if ((long)_len + extra <= _buf.Length) return;
        var size = Math.Max((long)_len + extra, _buf.Length * 2L);
        if (size > System.Array.MaxLength) throw new InvalidOperationException("page buffer exceeds 2 GiB");
        System.Array.Resize(ref _buf, (int)size);
    }
}
