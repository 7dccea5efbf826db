using System.Buffers.Binary;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Thrift;

namespace Curation.Formats.Parquet.Writing;

/// <summary>
/// Writes a Parquet file row by row with bounded memory: values are buffered per column until the row
/// group reaches <see cref="ParquetWriterOptions.RowGroupBytes"/>, then encoded, compressed and written.
/// Call <see cref="Complete"/> to write the footer; disposing without it leaves an unfinished file
/// (no footer) and never throws.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnBuffer[] _columns;
    private readonly ColumnChunkWriter _chunkWriter;
    private readonly List<RowGroupMeta> _rowGroups = [];
    private readonly List<IReadOnlyList<WrittenChunk>> _chunks = [];
    private readonly List<SchemaElement> _schema;
    private long _position;
    private long _rowsInGroup;
    private bool _completed;

    public ParquetFileWriter(Stream output, IReadOnlyList<ParquetColumnSpec> columns, ParquetWriterOptions? options = null, bool leaveOpen = false)
    {
        _options = options ?? new ParquetWriterOptions();
        _options.Validate();
        if (columns.Count == 0) throw new ArgumentException("a Parquet file needs at least one column", nameof(columns));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in columns)
            if (!names.Add(c.Name)) throw new ArgumentException($"column '{c.Name}' appears twice", nameof(columns));
        _output = output;
        _leaveOpen = leaveOpen;
        Columns = columns;
        _columns = columns.Select(c => new ColumnBuffer(c, _options)).ToArray();
        _chunkWriter = new ColumnChunkWriter(_options);
        _schema = BuildSchema(columns);
        _output.Write("PAR1"u8);
        _position = 4;
    }

    /// <summary>Creates (or overwrites) <paramref name="path"/>.</summary>
    public static ParquetFileWriter Create(string path, IReadOnlyList<ParquetColumnSpec> columns, ParquetWriterOptions? options = null) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), columns, options);

    public IReadOnlyList<ParquetColumnSpec> Columns { get; }

    /// <summary>Bytes already written to the output (closed row groups), for size-based file rollover.</summary>
    public long BytesWritten => _position;

    /// <summary>Uncompressed bytes buffered for the open row group.</summary>
    public long BufferedBytes => CurrentBufferedBytes();

    /// <summary>Rows written so far (including buffered ones).</summary>
    public long RowCount { get; private set; }

    /// <summary>Adds one row; <paramref name="values"/> follow <see cref="Columns"/> order.</summary>
    public void WriteRow(ReadOnlySpan<object?> values)
    {
        if (_completed) throw new InvalidOperationException("the writer is complete");
        if (values.Length != _columns.Length) throw new ArgumentException($"row has {values.Length} values for {_columns.Length} columns");
        for (var i = 0; i < _columns.Length; i++) _columns[i].Add(values[i]);
        RowCount++;
        _rowsInGroup++;
        if (_rowsInGroup >= _options.RowGroupMaxRows || (_rowsInGroup & 63) == 0 && CurrentBufferedBytes() >= _options.RowGroupBytes) FlushRowGroup();
    }

    /// <summary>Adds one row (params form).</summary>
    public void WriteRowValues(params object?[] values) => WriteRow(values);

    private long CurrentBufferedBytes()
    {
        long total = 0;
        foreach (var c in _columns) total += c.BufferedBytes;
        return total;
    }

    /// <summary>Writes the buffered rows as a row group now.</summary>
    public void FlushRowGroup()
    {
        if (_rowsInGroup == 0) return;
        var written = new WrittenChunk[_columns.Length];
        var start = _position;
        long uncompressed = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var chunkStart = _position;
            written[i] = _chunkWriter.Write(_columns[i], _output, _position);
            _position = chunkStart + written[i].Meta.TotalCompressedSize;
            uncompressed += written[i].Meta.TotalUncompressedSize;
            _columns[i].Reset();
        }
        _rowGroups.Add(new RowGroupMeta(written.Select(w => w.Meta).ToArray(), _rowsInGroup, uncompressed) { TotalCompressedSize = _position - start });
        _chunks.Add(written);
        _rowsInGroup = 0;
    }

    /// <summary>Flushes the last row group and writes the page index (if enabled) and the footer.</summary>
    public void Complete()
    {
        if (_completed) return;
        FlushRowGroup();
        var w = new ThriftCompactWriter();
        List<(long, int, long, int)[]>? pageIndex = null;
        if (_options.WritePageIndex)
        {
            pageIndex = [];
            var columnIndexes = new List<(long, int)[]>();
            foreach (var group in _chunks)
            {
                var entries = new (long, int)[group.Count];
                for (var c = 0; c < group.Count; c++)
                {
                    w.Clear();
                    MetadataWriter.WriteColumnIndex(w, group[c].Pages);
                    entries[c] = (_position, w.Length);
                    WriteRaw(w.Written);
                }
                columnIndexes.Add(entries);
            }
            for (var g = 0; g < _chunks.Count; g++)
            {
                var entries = new (long, int, long, int)[_chunks[g].Count];
                for (var c = 0; c < _chunks[g].Count; c++)
                {
                    w.Clear();
                    MetadataWriter.WriteOffsetIndex(w, _chunks[g][c].Pages);
                    entries[c] = (columnIndexes[g][c].Item1, columnIndexes[g][c].Item2, _position, w.Length);
                    WriteRaw(w.Written);
                }
                pageIndex.Add(entries);
            }
        }
        var md = new FileMetaData(1, _schema, RowCount, _rowGroups)
        {
            CreatedBy = _options.CreatedBy,
            KeyValueMetadata = _options.KeyValueMetadata.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value)).ToArray(),
        };
        w.Clear();
        MetadataWriter.WriteFileMetaData(w, md, pageIndex?.Select(e => e.Select(x => (x.Item1, x.Item2, x.Item3, x.Item4)).ToArray()).ToList());
        WriteRaw(w.Written);
        Span<byte> tail = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, w.Length);
        "PAR1"u8.CopyTo(tail.Slice(4));
        WriteRaw(tail);
        _output.Flush();
        _completed = true;
    }

    private void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }

    private static List<SchemaElement> BuildSchema(IReadOnlyList<ParquetColumnSpec> columns)
    {
        var schema = new List<SchemaElement> { new("schema") { NumChildren = columns.Count } };
        foreach (var c in columns)
        {
            if (!c.IsList)
            {
                schema.Add(Leaf(c.Name, c.Type, c.Nullable ? Repetition.Optional : Repetition.Required));
                continue;
            }
            schema.Add(new SchemaElement(c.Name)
            {
                Repetition = c.Nullable ? Repetition.Optional : Repetition.Required, NumChildren = 1,
                ConvertedType = ConvertedType.List, LogicalType = new LogicalType(LogicalTypeKind.List),
            });
            schema.Add(new SchemaElement("list") { Repetition = Repetition.Repeated, NumChildren = 1 });
            schema.Add(Leaf("element", c.Type, Repetition.Optional));
        }
        return schema;
    }

    private static SchemaElement Leaf(string name, ParquetColumnType type, Repetition repetition) => type switch
    {
        ParquetColumnType.Boolean => new(name) { Type = PhysicalType.Boolean, Repetition = repetition },
        ParquetColumnType.Int32 => new(name) { Type = PhysicalType.Int32, Repetition = repetition },
        ParquetColumnType.Int64 => new(name) { Type = PhysicalType.Int64, Repetition = repetition },
        ParquetColumnType.Float => new(name) { Type = PhysicalType.Float, Repetition = repetition },
        ParquetColumnType.Double => new(name) { Type = PhysicalType.Double, Repetition = repetition },
        ParquetColumnType.String => new(name)
        {
            Type = PhysicalType.ByteArray, Repetition = repetition, ConvertedType = ConvertedType.Utf8, LogicalType = new LogicalType(LogicalTypeKind.String),
        },
        ParquetColumnType.Json => new(name)
        {
            Type = PhysicalType.ByteArray, Repetition = repetition, ConvertedType = ConvertedType.Json, LogicalType = new LogicalType(LogicalTypeKind.Json),
        },
        ParquetColumnType.Binary => new(name) { Type = PhysicalType.ByteArray, Repetition = repetition },
        ParquetColumnType.Timestamp => new(name)
        {
            Type = PhysicalType.Int64, Repetition = repetition,
            LogicalType = new LogicalType(LogicalTypeKind.Timestamp) { Unit = TimeUnit.Micros, IsAdjustedToUtc = false },
        },
        ParquetColumnType.Date => new(name)
        {
            Type = PhysicalType.Int32, Repetition = repetition, ConvertedType = ConvertedType.Date, LogicalType = new LogicalType(LogicalTypeKind.Date),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };

    /// <summary>Closes the output (without a footer unless <see cref="Complete"/> was called); never throws on an I/O failure.</summary>
    public void Dispose()
    {
        if (_leaveOpen) return;
        try { _output.Dispose(); }
        catch (IOException) { /* Dispose must not throw; Complete reports write failures. */ }
    }
}
