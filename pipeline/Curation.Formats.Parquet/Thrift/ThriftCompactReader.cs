using System.Buffers.Binary;
using System.Text;

namespace Curation.Formats.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol values from a span (Parquet footers and page headers). Every length
/// and count is checked against the bytes that remain, so damaged input fails with a
/// <see cref="CorruptDataException"/> instead of a huge allocation.
/// </summary>
internal ref struct ThriftCompactReader
{
    public const byte TypeStop = 0, TypeTrue = 1, TypeFalse = 2, TypeByte = 3, TypeI16 = 4, TypeI32 = 5,
        TypeI64 = 6, TypeDouble = 7, TypeBinary = 8, TypeList = 9, TypeSet = 10, TypeMap = 11, TypeStruct = 12;

    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _path;
    private readonly long _baseOffset;
    private int _pos;

    public ThriftCompactReader(ReadOnlySpan<byte> data, string path, long baseOffset)
    {
        _data = data;
        _path = path;
        _baseOffset = baseOffset;
        _pos = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _pos;

    public readonly CorruptDataException Corrupt(string reason) => new(_path, _baseOffset + _pos, reason);

    /// <summary>Reads the next field header of the current struct; false at the struct's stop byte.</summary>
    public bool NextField(ref short lastId, out byte type, out short id)
    {
        var b = ReadByte();
        type = (byte)(b & 0x0F);
        if (type == TypeStop) { id = 0; return false; }
        var delta = b >> 4;
        id = delta != 0 ? (short)(lastId + delta) : ReadI16();
        lastId = id;
        return true;
    }

    public byte ReadByte()
    {
        if (_pos >= _data.Length) throw Corrupt("thrift structure runs past the end of its buffer");
        return _data[_pos++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Corrupt("thrift varint longer than 10 bytes");
    }

    public short ReadI16() => (short)Zigzag(ReadVarint());

    public int ReadI32()
    {
        var v = Zigzag(ReadVarint());
        if (v is < int.MinValue or > int.MaxValue) throw Corrupt("thrift i32 out of range");
        return (int)v;
    }

    public long ReadI64() => Zigzag(ReadVarint());

    public double ReadDouble()
    {
        if (_data.Length - _pos < 8) throw Corrupt("thrift double runs past the end of its buffer");
        var v = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_pos, 8));
        _pos += 8;
        return v;
    }

    /// <summary>A bool field's value is carried by its type nibble; a bool list element is one byte.</summary>
    public readonly bool BoolFromType(byte type) => type == TypeTrue;

    public bool ReadBoolElement() => ReadByte() == TypeTrue;

    public ReadOnlySpan<byte> ReadBinarySpan()
    {
        var len = ReadVarint();
        if (len > (ulong)(_data.Length - _pos)) throw Corrupt($"thrift binary length {len} exceeds the {_data.Length - _pos} bytes left");
        var s = _data.Slice(_pos, (int)len);
        _pos += (int)len;
        return s;
    }

    public byte[] ReadBinary() => ReadBinarySpan().ToArray();

    public string ReadString() => Encoding.UTF8.GetString(ReadBinarySpan());

    /// <summary>Reads a list header; the count is bounded by the bytes left (every element takes at least one byte).</summary>
    public int ReadListHeader(out byte elementType)
    {
        var b = ReadByte();
        elementType = (byte)(b & 0x0F);
        var size = (ulong)(b >> 4);
        if (size == 15) size = ReadVarint();
        if (size > (ulong)(_data.Length - _pos)) throw Corrupt($"thrift list of {size} elements exceeds the {_data.Length - _pos} bytes left");
        return (int)size;
    }

    public void Skip(byte type) => Skip(type, 0);

    private void Skip(byte type, int depth)
    {
        if (depth > MaxDepth) throw Corrupt("thrift structure nested too deeply");
        switch (type)
        {
            case TypeTrue or TypeFalse: break;
            case TypeByte: ReadByte(); break;
            case TypeI16 or TypeI32 or TypeI64: ReadVarint(); break;
            case TypeDouble: ReadDouble(); break;
            case TypeBinary: ReadBinarySpan(); break;
            case TypeList or TypeSet:
            {
                var n = ReadListHeader(out var et);
                for (var i = 0; i < n; i++)
                {
                    if (et is TypeTrue or TypeFalse) ReadByte();
                    else Skip(et, depth + 1);
                }
                break;
            }
            case TypeMap:
            {
                var n = ReadVarint();
                if (n == 0) break;
                if (n > (ulong)(_data.Length - _pos)) throw Corrupt("thrift map size exceeds the bytes left");
                var kv = ReadByte();
                for (ulong i = 0; i < n; i++)
                {
                    SkipElement((byte)(kv >> 4), depth);
                    SkipElement((byte)(kv & 0x0F), depth);
                }
                break;
            }
            case TypeStruct:
            {
                short last = 0;
                while (NextField(ref last, out var ft, out _)) Skip(ft, depth + 1);
                break;
            }
            default: throw Corrupt($"unknown thrift type {type}");
        }
    }

    private void SkipElement(byte type, int depth)
    {
        if (type is TypeTrue or TypeFalse) ReadByte();
        else Skip(type, depth + 1);
    }

    private static long Zigzag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
}
