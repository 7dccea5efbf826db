using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using Curation.Formats.Parquet.Compression;
using Curation.Formats.Parquet.Encodings;
using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Writing;

/// <summary>
/// Encodes a buffered column into a column chunk: an optional PLAIN dictionary page, then V1 data
/// pages (RLE levels; PLAIN or RLE_DICTIONARY values), compressed, with chunk and page statistics.
/// </summary>
internal sealed class ColumnChunkWriter
{
    private readonly ParquetWriterOptions _options;
    private readonly ByteBuffer _page = new(1 << 16);
    private readonly ByteBuffer _compressed = new(1 << 16);
    private readonly ByteBuffer _levels = new(1 << 12);
    private readonly Thrift.ThriftCompactWriter _header = new();
    private int[] _ids = [];

    public ColumnChunkWriter(ParquetWriterOptions options) => _options = options;

    /// <summary>Writes the chunk at <paramref name="position"/> of <paramref name="output"/>; returns its metadata and page index entries.</summary>
    public WrittenChunk Write(ColumnBuffer col, Stream output, long position)
    {
        var start = position;
        long uncompressedTotal = 0;
        long? dictionaryOffset = null;
        var useDictionary = col.DictionaryAlive && col.DictionaryValues.Count > 0 && DictionaryPays(col);
        var encodings = new List<ParquetEncoding> { ParquetEncoding.Rle };
        if (useDictionary)
        {
            dictionaryOffset = position;
            _page.Clear();
            foreach (var vi in col.DictionaryValues)
            {
                var v = col.ValueBytes(vi);
                _page.WriteInt32(v.Length);
                _page.Write(v);
            }
            var (written, raw) = WritePage(output, PageType.DictionaryPage, col.DictionaryValues.Count, ParquetEncoding.Plain);
            position += written;
            uncompressedTotal += raw;
            encodings.Add(ParquetEncoding.Plain);
            encodings.Add(ParquetEncoding.RleDictionary);
        }
        else encodings.Add(ParquetEncoding.Plain);

        var dataOffset = position;
        var chunkStats = new StatisticsBuilder(col, _options.StatisticsMaxBytes);
        var pages = new List<PageIndexEntry>();
        var level = 0;
        var value = 0;
        long row = 0;
        while (level < col.LevelCount)
        {
            var (levelEnd, valueEnd, rows) = PageExtent(col, level, value);
            var pageStats = new StatisticsBuilder(col, _options.StatisticsMaxBytes);
            for (var v = value; v < valueEnd; v++) { pageStats.Add(v); chunkStats.Add(v); }
            var nulls = (levelEnd - level) - (valueEnd - value);
            pageStats.Nulls = nulls;
            BuildDataPage(col, level, levelEnd, value, valueEnd, useDictionary);
            var pageOffset = position;
            var (written, raw) = WritePage(output, PageType.DataPage, levelEnd - level,
                useDictionary ? ParquetEncoding.RleDictionary : ParquetEncoding.Plain);
            position += written;
            uncompressedTotal += raw;
            pages.Add(new PageIndexEntry(pageOffset, (int)written, row, nulls, valueEnd == value, pageStats.MinBytes(), pageStats.MaxBytes()));
            row += rows;
            level = levelEnd;
            value = valueEnd;
        }
        chunkStats.Nulls = col.LevelCount - col.ValueCount;
        var meta = new ColumnChunkMeta
        {
            Type = col.Physical,
            Encodings = encodings,
            PathInSchema = col.Spec.IsList ? [col.Spec.Name, "list", "element"] : [col.Spec.Name],
            Codec = _options.Compression,
            NumValues = col.LevelCount,
            TotalUncompressedSize = uncompressedTotal,
            TotalCompressedSize = position - start,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = chunkStats.ToStatistics(),
        };
        return new WrittenChunk(meta, pages);
    }

    private bool DictionaryPays(ColumnBuffer col)
    {
        var width = Math.Max(1, RleHybridEncoder.BitWidth(col.DictionaryValues.Count - 1));
        var indexBytes = (long)col.ValueCount * width / 8 + 16;
        var plainBytes = col.ByteLength + 4L * col.ValueCount;
        return col.DictionaryBytes + indexBytes < plainBytes;
    }

    /// <summary>Where the page starting at these positions ends: about PageBytes of values, ending on a row boundary.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int LevelEnd, int ValueEnd, int Rows) PageExtent(ColumnBuffer col, int level, int value)
    {
        var target = _options.PageBytes;
        long bytes = 0;
        var rows = 0;
        var l = level;
        var v = value;
        var perValue = col.Physical switch { PhysicalType.Boolean => 1, PhysicalType.ByteArray => 4, PhysicalType.Int32 => 4, PhysicalType.Float => 4, _ => 8 };
        while (l < col.LevelCount)
        {
            // One row: its first entry has repetition 0, the rest repetition 1.
            do
            {
                var defined = col.MaxDef == 0 || col.Def[l] == col.MaxDef;
                if (defined)
                {
                    bytes += perValue + (col.Physical == PhysicalType.ByteArray ? col.Offsets[v + 1] - col.Offsets[v] : 0);
                    v++;
                }
                bytes++;
                l++;
            } while (l < col.LevelCount && col.MaxRep > 0 && col.Rep[l] != 0);
            rows++;
            if (bytes >= target || rows >= 20_000) break;
        }
        return (l, v, rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BuildDataPage(ColumnBuffer col, int level, int levelEnd, int value, int valueEnd, bool dictionary)
    {
        _page.Clear();
        if (col.MaxRep > 0) WriteLevels(col.Rep.AsSpan(level, levelEnd - level), col.MaxRep);
        if (col.MaxDef > 0) WriteLevels(col.Def.AsSpan(level, levelEnd - level), col.MaxDef);
        var n = valueEnd - value;
        if (dictionary)
        {
            var width = RleHybridEncoder.BitWidth(col.DictionaryValues.Count - 1);
            _page.WriteByte((byte)width);
            RleHybridEncoder.Encode(col.DictionaryIds.AsSpan(value, n), width, _page);
            return;
        }
        switch (col.Physical)
        {
            case PhysicalType.Boolean:
            {
                var span = _page.GetSpan((n + 7) / 8);
                span.Clear();
                for (var i = 0; i < n; i++) if (col.Bools[value + i]) span[i >> 3] |= (byte)(1 << (i & 7));
                _page.Advance((n + 7) / 8);
                break;
            }
            case PhysicalType.Int32:
                for (var i = 0; i < n; i++) _page.WriteInt32((int)col.Longs[value + i]);
                break;
            case PhysicalType.Int64:
                for (var i = 0; i < n; i++) _page.WriteInt64(col.Longs[value + i]);
                break;
            case PhysicalType.Float:
            {
                var span = _page.GetSpan(4 * n);
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteSingleLittleEndian(span.Slice(4 * i), (float)col.Doubles[value + i]);
                _page.Advance(4 * n);
                break;
            }
            case PhysicalType.Double:
            {
                var span = _page.GetSpan(8 * n);
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteDoubleLittleEndian(span.Slice(8 * i), col.Doubles[value + i]);
                _page.Advance(8 * n);
                break;
            }
            default:
            {
                var dataBytes = col.Offsets[valueEnd] - col.Offsets[value];
                var span = _page.GetSpan(dataBytes + 4 * n);
                var at = 0;
                for (var i = value; i < valueEnd; i++)
                {
                    var v = col.ValueBytes(i);
                    BinaryPrimitives.WriteInt32LittleEndian(span.Slice(at), v.Length);
                    v.CopyTo(span.Slice(at + 4));
                    at += 4 + v.Length;
                }
                _page.Advance(at);
                break;
            }
        }
    }

    private void WriteLevels(ReadOnlySpan<int> levels, int max)
    {
        _levels.Clear();
        RleHybridEncoder.Encode(levels, RleHybridEncoder.BitWidth(max), _levels);
        _page.WriteInt32(_levels.Length);
        _page.Write(_levels.Span);
    }

    /// <summary>Compresses the page in <see cref="_page"/> and writes header + body; returns (bytes written, uncompressed bytes incl. header).</summary>
    private (long Written, long Raw) WritePage(Stream output, PageType type, int numValues, ParquetEncoding encoding)
    {
        PageCodec.Compress(_options.Compression, _page.Span, _options.CompressionLevel, _compressed);
        _header.Clear();
        MetadataWriter.WritePageHeader(_header, type, _page.Length, _compressed.Length, numValues, encoding);
        _header.Stop();
        output.Write(_header.Written);
        output.Write(_compressed.Span);
        return (_header.Length + _compressed.Length, _header.Length + _page.Length);
    }
}
