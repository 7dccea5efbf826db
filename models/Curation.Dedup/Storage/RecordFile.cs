using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>
/// Binary files of fixed-size little-endian records behind a 16-byte header
/// (magic <c>CDRF</c>, version 1, record size, record count), so truncation and mix-ups are detected.
/// </summary>
public static class RecordFile
{
    /// <summary>Header length in bytes.</summary>
    public const int HeaderSize = 16;

    private const uint Magic = 0x46524443; // "CDRF" little-endian

    /// <summary>Writes <paramref name="records"/> to <paramref name="path"/> (atomically, through a temporary name).</summary>
    public static long Write<T>(string path, IEnumerable<T> records) where T : unmanaged
    {
        using var writer = new RecordWriter<T>(path);
        foreach (T record in records) writer.Add(record);
        writer.Complete();
        return writer.Count;
    }

    /// <summary>Reads and validates a header; returns the record count.</summary>
    public static long ReadHeader<T>(string path, Stream stream) where T : unmanaged
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        int read = stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
        if (read < HeaderSize) throw new InvalidDataException($"{path}: truncated record-file header ({read} of {HeaderSize} bytes at byte offset 0)");
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
            throw new InvalidDataException($"{path}: not a Curation record file (bad magic at byte offset 0)");
        int version = BinaryPrimitives.ReadUInt16LittleEndian(header[4..]);
        int size = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        long count = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        if (version != 1) throw new InvalidDataException($"{path}: unsupported record-file version {version} at byte offset 4");
        if (size != Unsafe.SizeOf<T>())
            throw new InvalidDataException($"{path}: record size {size} at byte offset 6, expected {Unsafe.SizeOf<T>()} for {typeof(T).Name}");
        long expected = HeaderSize + count * size;
        if (count < 0 || stream.Length != expected)
            throw new InvalidDataException($"{path}: file is {stream.Length} bytes but its header (byte offset 8) announces {count} records = {expected} bytes");
        return count;
    }

    /// <summary>Writes a header for <paramref name="count"/> records of type <typeparamref name="T"/>.</summary>
    internal static void WriteHeader<T>(Stream stream, long count) where T : unmanaged
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)Unsafe.SizeOf<T>());
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], count);
        stream.Write(header);
    }

    /// <summary>Reads all records of a (small) file into memory.</summary>
    public static T[] ReadAll<T>(string path) where T : unmanaged
    {
        using var reader = new RecordReader<T>(path);
        var result = new T[reader.Count];
        for (long i = 0; i < result.Length; i++)
        {
            if (!reader.TryRead(out result[i])) throw new InvalidDataException($"{path}: ended early at record {i}");
        }
        return result;
    }

    /// <summary>Views a span of records as bytes.</summary>
    internal static Span<byte> AsBytes<T>(Span<T> records) where T : unmanaged => MemoryMarshal.AsBytes(records);
}
