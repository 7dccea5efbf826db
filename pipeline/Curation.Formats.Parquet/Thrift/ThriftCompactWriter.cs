using System.Text;

namespace Curation.Formats.Parquet.Thrift;

/// <summary>Writes Thrift compact-protocol structs (Parquet footers and page headers) into a growable buffer.</summary>
internal sealed class ThriftCompactWriter
{
    private byte[] _buf = new byte[256];
    private int _len;
    private readonly Stack<short> _lastIds = new();
    private short _lastId;

    public int Length => _len;

    public ReadOnlySpan<byte> Written => _buf.AsSpan(0, _len);

    public void Clear()
    {
        _len = 0;
        _lastId = 0;
        _lastIds.Clear();
    }

    public void FieldI32(short id, int v) { FieldHeader(id, ThriftCompactReader.TypeI32); Varint(Zigzag(v)); }

    public void FieldI64(short id, long v) { FieldHeader(id, ThriftCompactReader.TypeI64); Varint(Zigzag(v)); }

    public void FieldBool(short id, bool v) => FieldHeader(id, v ? ThriftCompactReader.TypeTrue : ThriftCompactReader.TypeFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> v) { FieldHeader(id, ThriftCompactReader.TypeBinary); Binary(v); }

    public void FieldString(short id, string v) => FieldBinary(id, Encoding.UTF8.GetBytes(v));

    /// <summary>Starts a nested struct field; end it with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short id)
    {
        FieldHeader(id, ThriftCompactReader.TypeStruct);
        BeginStruct();
    }

    /// <summary>Starts a struct that is a list element (no field header).</summary>
    public void BeginStruct()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        Byte(0);
        _lastId = _lastIds.Count > 0 ? _lastIds.Pop() : (short)0;
    }

    /// <summary>Ends the top-level struct.</summary>
    public void Stop() => Byte(0);

    public void ListField(short id, byte elementType, int count)
    {
        FieldHeader(id, ThriftCompactReader.TypeList);
        if (count < 15) Byte((byte)((count << 4) | elementType));
        else { Byte((byte)(0xF0 | elementType)); Varint((ulong)count); }
    }

    public void I32Element(int v) => Varint(Zigzag(v));

    public void I64Element(long v) => Varint(Zigzag(v));

    public void BoolElement(bool v) => Byte(v ? ThriftCompactReader.TypeTrue : ThriftCompactReader.TypeFalse);

    public void Binary(ReadOnlySpan<byte> v)
    {
        Varint((ulong)v.Length);
        Ensure(v.Length);
        v.CopyTo(_buf.AsSpan(_len));
        _len += v.Length;
    }

    public void StringElement(string v) => Binary(Encoding.UTF8.GetBytes(v));

    private void FieldHeader(short id, byte type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15) Byte((byte)((delta << 4) | type));
        else { Byte(type); Varint(Zigzag(id)); }
        _lastId = id;
    }

    private void Byte(byte b)
    {
        Ensure(1);
        _buf[_len++] = b;
    }

    private void Varint(ulong v)
    {
        Ensure(10);
        while (v >= 0x80)
        {
            _buf[_len++] = (byte)(v | 0x80);
            v >>= 7;
        }
        _buf[_len++] = (byte)v;
    }

    private void Ensure(int extra)
    {
        if (_len + extra <= _buf.Length) return;
        Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + extra));
    }

    private static ulong Zigzag(long v) => (ulong)((v << 1) ^ (v >> 63));
}
