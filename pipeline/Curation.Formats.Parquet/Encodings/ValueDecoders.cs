using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet.Encodings;

/// <summary>Appends <c>count</c> non-null values decoded from a page's value section to a <see cref="ColumnData"/>.</summary>
internal static class ValueDecoders
{
    /// <summary>
    /// PLAIN values. For BYTE_ARRAY, <paramref name="inPlaceBase"/> ≥ 0 says <paramref name="src"/> already lies in
    /// <c>col.Bytes</c> at that index, so values are recorded by position without copying.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Plain(ReadOnlySpan<byte> src, int count, ColumnData col, int inPlaceBase = -1)
    {
        col.EnsureValues(count);
        var v0 = col.ValueCount;
        switch (col.Type)
        {
            case PhysicalType.Boolean:
                if ((count + 7) / 8 > src.Length) throw new InvalidDataException("PLAIN booleans run past the end of the page");
                for (var i = 0; i < count; i++) col.Bools[v0 + i] = (src[i >> 3] >> (i & 7) & 1) != 0;
                break;
            case PhysicalType.Int32: CopyFixed(src, count, 4, MemoryMarshal.AsBytes(col.Ints.AsSpan(v0, count))); break;
            case PhysicalType.Int64: CopyFixed(src, count, 8, MemoryMarshal.AsBytes(col.Longs.AsSpan(v0, count))); break;
            case PhysicalType.Float: CopyFixed(src, count, 4, MemoryMarshal.AsBytes(col.Floats.AsSpan(v0, count))); break;
            case PhysicalType.Double: CopyFixed(src, count, 8, MemoryMarshal.AsBytes(col.Doubles.AsSpan(v0, count))); break;
            case PhysicalType.ByteArray:
                if (inPlaceBase >= 0) PlainByteArraysInPlace(src, inPlaceBase, count, col);
                else PlainByteArraysCopy(src, count, col);
                return;
            default:
            {
                var len = col.TypeLength;
                CopyFixed(src, count, len, col.Bytes.AsSpan(col.ByteLength, count * len));
                col.ByteLength += count * len;
                break;
            }
        }
        col.ValueCount += count;
    }

    private static void CopyFixed(ReadOnlySpan<byte> src, int count, int width, Span<byte> dst)
    {
        var bytes = (long)count * width;
        if (bytes > src.Length) throw new InvalidDataException($"PLAIN values need {bytes} bytes, the page has {src.Length}");
        src.Slice(0, (int)bytes).CopyTo(dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PlainByteArraysInPlace(ReadOnlySpan<byte> src, int baseIndex, int count, ColumnData col)
    {
        var pos = 0;
        var starts = col.Starts;
        var lengths = col.Lengths;
        var vc = col.ValueCount;
        for (var i = 0; i < count; i++)
        {
            if (src.Length - pos < 4) throw new InvalidDataException($"PLAIN byte array {i} of {count} runs past the end of the page");
            var len = BinaryPrimitives.ReadInt32LittleEndian(src.Slice(pos));
            pos += 4;
            if ((uint)len > (uint)(src.Length - pos)) throw new InvalidDataException($"PLAIN byte array length {len} exceeds the page");
            starts[vc] = baseIndex + pos;
            lengths[vc] = len;
            vc++;
            pos += len;
        }
        col.ValueCount = vc;
    }

    private static void PlainByteArraysCopy(ReadOnlySpan<byte> src, int count, ColumnData col)
    {
        col.EnsureBytes(src.Length);
        var pos = 0;
        for (var i = 0; i < count; i++)
        {
            if (src.Length - pos < 4) throw new InvalidDataException($"PLAIN byte array {i} of {count} runs past the end of the page");
            var len = BinaryPrimitives.ReadInt32LittleEndian(src.Slice(pos));
            pos += 4;
            if ((uint)len > (uint)(src.Length - pos)) throw new InvalidDataException($"PLAIN byte array length {len} exceeds the page");
            col.AppendBytes(src.Slice(pos, len));
            pos += len;
        }
    }

    public static void DeltaBinaryPacked(ReadOnlySpan<byte> src, int count, ColumnData col)
    {
        var tmp = new long[count];
        DeltaBinaryPackedDecoder.Decode(src, tmp, out _);
        col.EnsureValues(count);
        if (col.Type == PhysicalType.Int32)
            for (var i = 0; i < count; i++) col.Ints[col.ValueCount + i] = unchecked((int)tmp[i]);
        else if (col.Type == PhysicalType.Int64)
            tmp.CopyTo(col.Longs.AsSpan(col.ValueCount));
        else throw new InvalidDataException($"DELTA_BINARY_PACKED is not valid for {col.Type}");
        col.ValueCount += count;
    }

    public static void DeltaLengthByteArray(ReadOnlySpan<byte> src, int count, ColumnData col)
    {
        var lengths = new long[count];
        var pos = DeltaBinaryPackedDecoder.Decode(src, lengths, out _);
        col.EnsureValues(count);
        var data = src.Slice(pos);
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var len = lengths[i];
            if (len < 0 || len > data.Length - at) throw new InvalidDataException($"DELTA_LENGTH_BYTE_ARRAY length {len} exceeds the page");
            AppendValue(col, data.Slice(at, (int)len));
            at += (int)len;
        }
    }

    public static void DeltaByteArray(ReadOnlySpan<byte> src, int count, ColumnData col)
    {
        var prefixes = new long[count];
        var suffixes = new long[count];
        var pos = DeltaBinaryPackedDecoder.Decode(src, prefixes, out _);
        pos += DeltaBinaryPackedDecoder.Decode(src.Slice(pos), suffixes, out _);
        col.EnsureValues(count);
        var data = src.Slice(pos);
        var at = 0;
        var previous = new byte[64];
        var prevLen = 0;
        for (var i = 0; i < count; i++)
        {
            var p = prefixes[i];
            var s = suffixes[i];
            if (p < 0 || p > prevLen || s < 0 || s > data.Length - at) throw new InvalidDataException($"DELTA_BYTE_ARRAY prefix {p}/suffix {s} is inconsistent with the page");
            var len = (int)(p + s);
            ColumnData.Grow(ref previous, len);
            data.Slice(at, (int)s).CopyTo(previous.AsSpan((int)p));
            at += (int)s;
            prevLen = len;
            AppendValue(col, previous.AsSpan(0, len));
        }
    }

    private static void AppendValue(ColumnData col, ReadOnlySpan<byte> value)
    {
        if (col.Type == PhysicalType.ByteArray) { col.AppendBytes(value); return; }
        if (value.Length != col.TypeLength) throw new InvalidDataException($"fixed-length value of {value.Length} bytes, {col.TypeLength} expected");
        col.EnsureBytes(value.Length);
        value.CopyTo(col.Bytes.AsSpan(col.ByteLength));
        col.ByteLength += value.Length;
        col.ValueCount++;
    }

    public static void ByteStreamSplit(ReadOnlySpan<byte> src, int count, ColumnData col)
    {
        var width = col.Type switch
        {
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.FixedLenByteArray => col.TypeLength,
            _ => throw new InvalidDataException($"BYTE_STREAM_SPLIT is not valid for {col.Type}"),
        };
        if ((long)count * width > src.Length) throw new InvalidDataException("BYTE_STREAM_SPLIT data is shorter than its values");
        var joined = new byte[count * width];
        for (var b = 0; b < width; b++)
        {
            var stream = src.Slice(b * count, count);
            for (var i = 0; i < count; i++) joined[i * width + b] = stream[i];
        }
        Plain(joined, count, col);
    }
}
