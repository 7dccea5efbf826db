using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Curation.FastText.Model;

/// <summary>
/// Little-endian reader for fastText model files that knows the file name, the current offset and the bytes
/// left, so damaged files fail with one clear <see cref="FastTextFormatException"/> before any large allocation.
/// </summary>
internal sealed class ModelReader : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _small = new byte[8];

    public ModelReader(Stream stream, string name)
    {
        Path = name;
        _stream = stream.CanSeek ? stream : Buffered(stream);
        Length = _stream.Length - _stream.Position;
    }

    private static MemoryStream Buffered(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    public string Path { get; }

    public long Length { get; }

    public long Offset { get; private set; }

    public long Remaining => Length - Offset;

    public FastTextFormatException Error(string problem) => new(Path, Offset, problem);

    public void ReadExactly(Span<byte> destination, string what)
    {
        if (destination.Length > Remaining)
            throw Error($"file ends inside {what}: needs {destination.Length} bytes, {Remaining} left");
        _stream.ReadExactly(destination);
        Offset += destination.Length;
    }

    public int ReadInt32(string what)
    {
        ReadExactly(_small.AsSpan(0, 4), what);
        return BinaryPrimitives.ReadInt32LittleEndian(_small);
    }

    public long ReadInt64(string what)
    {
        ReadExactly(_small.AsSpan(0, 8), what);
        return BinaryPrimitives.ReadInt64LittleEndian(_small);
    }

    public double ReadDouble(string what)
    {
        ReadExactly(_small.AsSpan(0, 8), what);
        return BinaryPrimitives.ReadDoubleLittleEndian(_small);
    }

    public byte ReadByte(string what)
    {
        ReadExactly(_small.AsSpan(0, 1), what);
        return _small[0];
    }

    public bool ReadBool(string what) => ReadByte(what) != 0;

    /// <summary>Reads a NUL-terminated byte string of at most <paramref name="maxLength"/> bytes.</summary>
    public byte[] ReadCString(string what, int maxLength = 1 << 20)
    {
        var buffer = new List<byte>(16);
        while (true)
        {
            var b = ReadByte(what);
            if (b == 0) return [.. buffer];
            if (buffer.Count >= maxLength) throw Error($"{what} is not NUL-terminated within {maxLength} bytes");
            buffer.Add(b);
        }
    }

    /// <summary>Reads <paramref name="count"/> floats, checking first that the file really holds them.</summary>
    public float[] ReadFloats(long count, string what)
    {
        if (count < 0 || count > Array.MaxLength) throw Error($"{what} has an impossible size ({count} values)");
        if (count * 4 > Remaining)
            throw Error($"file ends inside {what}: needs {count * 4} bytes, {Remaining} left");
        var values = GC.AllocateUninitializedArray<float>((int)count);
        ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()), what);
        if (!BitConverter.IsLittleEndian)
        {
            var ints = MemoryMarshal.Cast<float, int>(values.AsSpan());
            BinaryPrimitives.ReverseEndianness(ints, ints);
        }
        return values;
    }

    public byte[] ReadBytes(long count, string what)
    {
        if (count < 0 || count > Array.MaxLength) throw Error($"{what} has an impossible size ({count} bytes)");
        if (count > Remaining) throw Error($"file ends inside {what}: needs {count} bytes, {Remaining} left");
        var bytes = GC.AllocateUninitializedArray<byte>((int)count);
        ReadExactly(bytes, what);
        return bytes;
    }

    public void Dispose() => _stream.Dispose();
}
