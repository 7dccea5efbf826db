using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>Streams the records of a <see cref="RecordFile"/>, optionally from a record position onwards.</summary>
public sealed class RecordReader<T> : IDisposable where T : unmanaged
{
    private readonly FileStream _stream;
    private readonly T[] _buffer;
    private int _position;
    private int _available;
    private long _remaining;

    /// <summary>Opens and validates <paramref name="path"/>.</summary>
    public RecordReader(string path, int bufferRecords = 4096)
    {
        Path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
        Count = RecordFile.ReadHeader<T>(path, _stream);
        _remaining = Count;
        _buffer = new T[Math.Max(16, bufferRecords)];
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>Total records in the file.</summary>
    public long Count { get; }

    /// <summary>Moves to record <paramref name="index"/> (0 ≤ index ≤ Count).</summary>
    public void Seek(long index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Count);
        _stream.Position = RecordFile.HeaderSize + index * Unsafe.SizeOf<T>();
        _remaining = Count - index;
        _position = _available = 0;
    }

    /// <summary>Reads the record at <paramref name="index"/> without disturbing sequential reads' semantics (it seeks).</summary>
    public T ReadAt(long index)
    {
        Seek(index);
        if (!TryRead(out T value)) throw new InvalidDataException($"{Path}: no record {index}");
        return value;
    }

    /// <summary>Reads the next record; false at the end.</summary>
    public bool TryRead(out T record)
    {
        if (_position == _available && !Fill())
        {
            record = default;
            return false;
        }
        record = _buffer[_position++];
        return true;
    }

    /// <summary>Returns the next record without consuming it.</summary>
    public bool TryPeek(out T record)
    {
        if (_position == _available && !Fill())
        {
            record = default;
            return false;
        }
        record = _buffer[_position];
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private bool Fill()
    {
        if (_remaining == 0) return false;
        int want = (int)Math.Min(_buffer.Length, _remaining);
        Span<byte> bytes = MemoryMarshal.AsBytes(_buffer.AsSpan(0, want));
        long offset = _stream.Position;
        int read = _stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read != bytes.Length) throw new InvalidDataException($"{Path}: truncated at byte offset {offset + read}");
        _remaining -= want;
        _position = 0;
        _available = want;
        return true;
    }
}
