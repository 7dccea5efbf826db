using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Curation.FastText.Model;

/// <summary>Little-endian writer for fastText model files.</summary>
internal sealed class ModelWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _small = new byte[8];

    public ModelWriter(Stream stream) => _stream = stream;

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_small, value);
        _stream.Write(_small, 0, 4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_small, value);
        _stream.Write(_small, 0, 8);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_small, value);
        _stream.Write(_small, 0, 8);
    }

    public void WriteByte(byte value) => _stream.WriteByte(value);

    public void WriteBool(bool value) => _stream.WriteByte(value ? (byte)1 : (byte)0);

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _stream.Write(bytes);

    public void WriteFloats(ReadOnlySpan<float> values)
    {
        if (BitConverter.IsLittleEndian)
        {
            _stream.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        foreach (var v in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(_small, v);
            _stream.Write(_small, 0, 4);
        }
    }

    public void Dispose() => _stream.Dispose();
}
