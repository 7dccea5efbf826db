using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using Curation.Formats.Parquet.Compression;
using Curation.Formats.Parquet.Encodings;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Schema;
using Microsoft.Win32.SafeHandles;

namespace Curation.Formats.Parquet.Reading;

/// <summary>
/// Reads one column chunk: its pages (dictionary, data V1/V2), decompressed and decoded into a
/// <see cref="ColumnData"/>. Every failure becomes a <see cref="CorruptDataException"/> naming the
/// file and the offset of the page that failed.
/// </summary>
internal sealed class ColumnChunkReader
{
    /// <summary>Pages that claim to expand more than this much, beyond 64 MiB, are treated as damaged.</summary>
    private const int MaxExpansion = 1024;
    private const int LargePage = 64 << 20;

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly long _fileLength;
    private byte[] _chunk = [];
    private byte[] _page = [];
    private int[] _scratch = [];
    private ColumnData? _dictionary;

    public ColumnChunkReader(string path, SafeFileHandle file, long fileLength)
    {
        _path = path;
        _file = file;
        _fileLength = fileLength;
    }

    public void Read(ColumnChunkMeta meta, SchemaNode leaf, ColumnData col)
    {
        col.Reset();
        _dictionary = null;
        var start = meta.StartOffset;
        var length = meta.TotalCompressedSize;
        if (start < 4 || length < 0 || start + length > _fileLength - 8)
            throw new CorruptDataException(_path, start, $"column chunk '{leaf.DottedPath}' ({length} bytes at {start}) lies outside the file");
        if (meta.NumValues < 0 || meta.NumValues > length * 8 * 1024L + 1024)
            throw new CorruptDataException(_path, start, $"column chunk '{leaf.DottedPath}' declares an absurd {meta.NumValues} values");
        if (!PageCodec.CanDecode(meta.Codec))
            throw new NotSupportedException($"{_path}: column '{leaf.DottedPath}' uses the {meta.Codec} codec, which this reader does not support");
        if (length > Array.MaxLength) throw new CorruptDataException(_path, start, $"column chunk '{leaf.DottedPath}' declares an absurd {length} bytes");
        if (_chunk.Length < length) _chunk = GC.AllocateUninitializedArray<byte>((int)length);
        var read = RandomAccess.Read(_file, _chunk.AsSpan(0, (int)length), start);
        if (read != length) throw new CorruptDataException(_path, start + read, "file ends inside a column chunk");

        if (col.Type == PhysicalType.ByteArray)
        {
            // Every page is decompressed into the column's buffer: size it once from the footer (bounded,
            // since a damaged footer may claim anything) instead of regrowing page by page.
            var bound = Math.Min(Math.Min(meta.TotalUncompressedSize, length * (long)MaxExpansion + (1 << 20)), Array.MaxLength);
            col.EnsureBytes(Math.Max(0, bound));
        }
        var pos = 0;
        while (col.LevelCount < meta.NumValues)
        {
            if (pos >= length) throw new CorruptDataException(_path, start + pos, $"column chunk '{leaf.DottedPath}' ends after {col.LevelCount} of {meta.NumValues} values");
            var pageOffset = start + pos;
            var header = MetadataParser.ParsePageHeader(_chunk.AsSpan(pos, (int)length - pos), _path, pageOffset, out var consumed);
            pos += consumed;
            if (header.CompressedSize > length - pos)
                throw new CorruptDataException(_path, pageOffset, $"page of {header.CompressedSize} bytes runs past the end of its column chunk ({length - pos} bytes left)");
            var body = _chunk.AsSpan(pos, header.CompressedSize);
            pos += header.CompressedSize;
            try
            {
                switch (header.Type)
                {
                    case PageType.DictionaryPage: ReadDictionary(header, body, meta.Codec, leaf, col); break;
                    case PageType.DataPage: ReadDataPageV1(header, body, meta.Codec, col); break;
                    case PageType.DataPageV2: ReadDataPageV2(header, body, meta.Codec, col); break;
                    case PageType.IndexPage: break;
                    default: throw new InvalidDataException($"unknown page type {(int)header.Type}");
                }
            }
            catch (Exception e) when (e is InvalidDataException or OverflowException or NotSupportedException)
            {
                throw new CorruptDataException(_path, pageOffset, $"column '{leaf.DottedPath}': {e.Message}", e);
            }
            if (col.LevelCount > meta.NumValues)
                throw new CorruptDataException(_path, pageOffset, $"column '{leaf.DottedPath}' pages hold more values than the chunk's {meta.NumValues}");
        }
    }

    /// <summary>
    /// Decompresses a page body. Byte-array pages go straight into the column's byte buffer (values are
    /// then referenced where they lie, never copied); other pages into a scratch buffer.
    /// </summary>
    private Span<byte> Decompress(ReadOnlySpan<byte> body, CompressionCodec codec, int uncompressedSize, ColumnData? inPlace, out int baseIndex)
    {
        if (uncompressedSize < 0) throw new InvalidDataException($"negative uncompressed size {uncompressedSize}");
        if (uncompressedSize > LargePage && uncompressedSize / MaxExpansion > body.Length)
            throw new InvalidDataException($"page claims to expand {body.Length} bytes to an absurd {uncompressedSize}");
        Span<byte> dst;
        if (inPlace is not null)
        {
            baseIndex = inPlace.ReserveBytes(uncompressedSize);
            dst = inPlace.Bytes.AsSpan(baseIndex, uncompressedSize);
        }
        else
        {
            baseIndex = -1;
            if (_page.Length < uncompressedSize) _page = GC.AllocateUninitializedArray<byte>(Math.Max(uncompressedSize, Math.Min(Array.MaxLength, _page.Length * 3 / 2)));
            dst = _page.AsSpan(0, uncompressedSize);
        }
        PageCodec.Decompress(codec, body, dst);
        return dst;
    }

    private void ReadDictionary(PageHeader h, ReadOnlySpan<byte> body, CompressionCodec codec, SchemaNode leaf, ColumnData col)
    {
        if (h.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new InvalidDataException($"dictionary page encoding {h.Encoding} is not PLAIN");
        if (h.NumValues < 0 || h.NumValues > (long)h.UncompressedSize * 8 + 8) throw new InvalidDataException($"dictionary declares an absurd {h.NumValues} values");
        var inPlace = col.Type == PhysicalType.ByteArray ? col : null;
        var data = Decompress(body, codec, h.UncompressedSize, inPlace, out var baseIndex);
        // Byte-array dictionary entries stay in the column's buffer; the dictionary holds their positions.
        var dict = new ColumnData(leaf.Element.Type!.Value, leaf.Element.TypeLength, 0, 0);
        ValueDecoders.Plain(data, h.NumValues, dict, baseIndex);
        _dictionary = dict;
    }

    private void ReadDataPageV1(PageHeader h, ReadOnlySpan<byte> body, CompressionCodec codec, ColumnData col)
    {
        CheckCount(h.NumValues, h.UncompressedSize);
        var data = Decompress(body, codec, h.UncompressedSize, col.Type == PhysicalType.ByteArray ? col : null, out var baseIndex);
        var n = h.NumValues;
        col.EnsureLevels(n);
        var pos = 0;
        if (col.MaxRepetitionLevel > 0)
            pos += ReadV1Levels(data.Slice(pos), h.RepetitionLevelEncoding, col.MaxRepetitionLevel, col.Rep.AsSpan(col.LevelCount, n));
        if (col.MaxDefinitionLevel > 0)
            pos += ReadV1Levels(data.Slice(pos), h.DefinitionLevelEncoding, col.MaxDefinitionLevel, col.Def.AsSpan(col.LevelCount, n));
        ReadValues(h.Encoding, data.Slice(pos), CountDefined(col, n), col, baseIndex < 0 ? -1 : baseIndex + pos);
        col.LevelCount += n;
    }

    private void ReadDataPageV2(PageHeader h, ReadOnlySpan<byte> body, CompressionCodec codec, ColumnData col)
    {
        CheckCount(h.NumValues, h.UncompressedSize);
        var n = h.NumValues;
        var rl = h.RepetitionLevelsByteLength;
        var dl = h.DefinitionLevelsByteLength;
        if (rl < 0 || dl < 0 || (long)rl + dl > body.Length || (long)rl + dl > h.UncompressedSize)
            throw new InvalidDataException($"V2 level sections ({rl} + {dl} bytes) exceed the page");
        col.EnsureLevels(n);
        if (col.MaxRepetitionLevel > 0)
            RleHybridDecoder.Decode(body.Slice(0, rl), RleHybridEncoder.BitWidth(col.MaxRepetitionLevel), col.Rep.AsSpan(col.LevelCount, n));
        if (col.MaxDefinitionLevel > 0)
            RleHybridDecoder.Decode(body.Slice(rl, dl), RleHybridEncoder.BitWidth(col.MaxDefinitionLevel), col.Def.AsSpan(col.LevelCount, n));
        var valuesBody = body.Slice(rl + dl);
        var valuesSize = h.UncompressedSize - rl - dl;
        var baseIndex = -1;
        ReadOnlySpan<byte> values = h.IsCompressed && codec != CompressionCodec.Uncompressed
            ? Decompress(valuesBody, codec, valuesSize, col.Type == PhysicalType.ByteArray ? col : null, out baseIndex)
            : valuesBody;
        ReadValues(h.Encoding, values, CountDefined(col, n), col, baseIndex);
        col.LevelCount += n;
    }

    private static void CheckCount(int n, int uncompressed)
    {
        // A level entry takes at least one bit of RLE data, except in runs; runs are bounded by the
        // value section, so 8 entries per byte plus a generous RLE allowance is the ceiling.
        if (n < 0 || (long)n > Math.Max(1L << 20, (long)uncompressed * 4096))
            throw new InvalidDataException($"page declares an absurd {n} values");
    }

    private static int ReadV1Levels(ReadOnlySpan<byte> data, ParquetEncoding encoding, int maxLevel, Span<int> dst)
    {
        if (encoding != ParquetEncoding.Rle) throw new NotSupportedException($"level encoding {encoding} is not supported");
        if (data.Length < 4) throw new InvalidDataException("level section length runs past the end of the page");
        var len = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (len < 0 || len > data.Length - 4) throw new InvalidDataException($"level section of {len} bytes exceeds the page");
        RleHybridDecoder.Decode(data.Slice(4, len), RleHybridEncoder.BitWidth(maxLevel), dst);
        return 4 + len;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CountDefined(ColumnData col, int n)
    {
        if (col.MaxDefinitionLevel == 0) return n;
        var defs = col.Def.AsSpan(col.LevelCount, n);
        var max = col.MaxDefinitionLevel;
        var count = 0;
        foreach (var d in defs)
        {
            if (d == max) count++;
            else if (d > max) throw new InvalidDataException($"definition level {d} exceeds the column's maximum {max}");
        }
        return count;
    }

    private void ReadValues(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ColumnData col, int inPlaceBase)
    {
        switch (encoding)
        {
            case ParquetEncoding.Plain: ValueDecoders.Plain(data, count, col, inPlaceBase); break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary: ReadDictionaryIndices(data, count, col); break;
            case ParquetEncoding.DeltaBinaryPacked: ValueDecoders.DeltaBinaryPacked(data, count, col); break;
            case ParquetEncoding.DeltaLengthByteArray: ValueDecoders.DeltaLengthByteArray(data, count, col); break;
            case ParquetEncoding.DeltaByteArray: ValueDecoders.DeltaByteArray(data, count, col); break;
            case ParquetEncoding.ByteStreamSplit: ValueDecoders.ByteStreamSplit(data, count, col); break;
            case ParquetEncoding.Rle when col.Type == PhysicalType.Boolean: ReadRleBooleans(data, count, col); break;
            default: throw new NotSupportedException($"encoding {encoding} is not supported for {col.Type}");
        }
    }

    private void ReadRleBooleans(ReadOnlySpan<byte> data, int count, ColumnData col)
    {
        if (data.Length < 4) throw new InvalidDataException("RLE boolean length runs past the end of the page");
        var len = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (len < 0 || len > data.Length - 4) throw new InvalidDataException($"RLE boolean section of {len} bytes exceeds the page");
        var idx = Scratch(count);
        RleHybridDecoder.Decode(data.Slice(4, len), 1, idx);
        col.EnsureValues(count);
        for (var i = 0; i < count; i++) col.Bools[col.ValueCount + i] = idx[i] != 0;
        col.ValueCount += count;
    }

    private Span<int> Scratch(int count)
    {
        if (_scratch.Length < count) _scratch = new int[Math.Max(count, _scratch.Length * 2)];
        return _scratch.AsSpan(0, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadDictionaryIndices(ReadOnlySpan<byte> data, int count, ColumnData col)
    {
        var dict = _dictionary ?? throw new InvalidDataException("dictionary-encoded page without a dictionary page");
        if (count == 0) return;
        if (data.Length < 1) throw new InvalidDataException("dictionary indices are missing");
        var idx = Scratch(count);
        RleHybridDecoder.Decode(data.Slice(1), data[0], idx);
        var dn = dict.ValueCount;
        foreach (var i in idx)
            if ((uint)i >= (uint)dn) throw new InvalidDataException($"dictionary index {i} is outside the {dn}-entry dictionary");
        col.EnsureValues(count);
        var v0 = col.ValueCount;
        switch (col.Type)
        {
            case PhysicalType.Boolean: for (var k = 0; k < count; k++) col.Bools[v0 + k] = dict.Bools[idx[k]]; break;
            case PhysicalType.Int32: for (var k = 0; k < count; k++) col.Ints[v0 + k] = dict.Ints[idx[k]]; break;
            case PhysicalType.Int64: for (var k = 0; k < count; k++) col.Longs[v0 + k] = dict.Longs[idx[k]]; break;
            case PhysicalType.Float: for (var k = 0; k < count; k++) col.Floats[v0 + k] = dict.Floats[idx[k]]; break;
            case PhysicalType.Double: for (var k = 0; k < count; k++) col.Doubles[v0 + k] = dict.Doubles[idx[k]]; break;
            case PhysicalType.ByteArray:
                for (var k = 0; k < count; k++)
                {
                    col.Starts[v0 + k] = dict.Starts[idx[k]];
                    col.Lengths[v0 + k] = dict.Lengths[idx[k]];
                }
                break;
            default:
            {
                var w = col.TypeLength;
                col.EnsureBytes((long)count * w);
                foreach (var i in idx)
                {
                    dict.GetBytes(i).CopyTo(col.Bytes.AsSpan(col.ByteLength));
                    col.ByteLength += w;
                }
                break;
            }
        }
        col.ValueCount += count;
    }
}
