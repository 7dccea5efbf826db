using System.Buffers.Binary;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Schema;
using Microsoft.Win32.SafeHandles;

namespace Curation.Formats.Parquet.Reading;

/// <summary>
/// Opens a Parquet file: validates the magic and footer, exposes the schema and row groups, and decodes
/// row groups one at a time, reading only the column chunks of the projected fields.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;
    private readonly SafeFileHandle _file;
    private readonly ColumnChunkReader _chunks;

    private ParquetFileReader(string path, SafeFileHandle file, long length, FileMetaData metadata, ParquetSchema schema)
    {
        Path = path;
        _file = file;
        Length = length;
        Metadata = metadata;
        Schema = schema;
        _chunks = new ColumnChunkReader(path, file, length);
    }

    /// <summary>The file's path, as given.</summary>
    public string Path { get; }

    /// <summary>File size in bytes.</summary>
    public long Length { get; }

    /// <summary>The decoded footer.</summary>
    public FileMetaData Metadata { get; }

    /// <summary>The schema tree.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Rows in the file, from the footer.</summary>
    public long RowCount => Metadata.NumRows;

    public int RowGroupCount => Metadata.RowGroups.Count;

    /// <summary>Opens <paramref name="path"/> and reads its footer; damage fails with a <see cref="CorruptDataException"/>.</summary>
    public static ParquetFileReader Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var length = RandomAccess.GetLength(file);
            if (length < 12) throw new CorruptDataException(path, 0, $"file of {length} bytes is too short to be Parquet");
            Span<byte> head = stackalloc byte[4];
            Span<byte> tail = stackalloc byte[8];
            RandomAccess.Read(file, head, 0);
            RandomAccess.Read(file, tail, length - 8);
            if (!head.SequenceEqual(Magic)) throw new CorruptDataException(path, 0, "bad magic: the file does not start with PAR1");
            if (tail.Slice(4).SequenceEqual("PARE"u8)) throw new NotSupportedException($"{path}: encrypted Parquet files are not supported");
            if (!tail.Slice(4).SequenceEqual(Magic)) throw new CorruptDataException(path, length - 4, "bad magic: the file does not end with PAR1 (truncated?)");
            var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            if (footerLength == 0 || footerLength > length - 12)
                throw new CorruptDataException(path, length - 8, $"footer length {footerLength} does not fit in a {length}-byte file");
            var footer = new byte[footerLength];
            var footerStart = length - 8 - footerLength;
            RandomAccess.Read(file, footer, footerStart);
            var metadata = MetadataParser.ParseFileMetaData(footer, path, footerStart);
            var schema = ParquetSchema.Build(metadata.Schema, path);
            Validate(metadata, schema, path, footerStart);
            return new ParquetFileReader(path, file, length, metadata, schema);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static void Validate(FileMetaData md, ParquetSchema schema, string path, long footerStart)
    {
        long rows = 0;
        for (var g = 0; g < md.RowGroups.Count; g++)
        {
            var rg = md.RowGroups[g];
            if (rg.Columns.Count != schema.Leaves.Count)
                throw new CorruptDataException(path, footerStart, $"row group {g} has {rg.Columns.Count} column chunks, the schema {schema.Leaves.Count} leaves");
            for (var c = 0; c < rg.Columns.Count; c++)
            {
                if (rg.Columns[c].Type != schema.Leaves[c].Element.Type)
                    throw new CorruptDataException(path, footerStart, $"row group {g} column '{schema.Leaves[c].DottedPath}' is {rg.Columns[c].Type}, the schema says {schema.Leaves[c].Element.Type}");
            }
            rows += rg.NumRows;
        }
        if (rows != md.NumRows) throw new CorruptDataException(path, footerStart, $"row groups hold {rows} rows, the footer says {md.NumRows}");
    }

    /// <summary>Top-level fields called <paramref name="names"/> (all fields when null), with a clear error naming the available ones.</summary>
    public IReadOnlyList<SchemaNode> ResolveFields(IReadOnlyList<string>? names)
    {
        if (names is null) return Schema.Fields;
        var result = new List<SchemaNode>(names.Count);
        foreach (var n in names)
            result.Add(Schema.Field(n) ?? throw new KeyNotFoundException(
                $"{Path}: no column '{n}' (columns: {string.Join(", ", Schema.Fields.Select(f => f.Name))})"));
        return result;
    }

    /// <summary>
    /// Decodes row group <paramref name="index"/>, reading only the leaves under <paramref name="fields"/> (all when null).
    /// Passing the previous result as <paramref name="reuse"/> recycles its buffers (and invalidates it).
    /// </summary>
    public RowGroupData ReadRowGroup(int index, IReadOnlyList<SchemaNode>? fields = null, RowGroupData? reuse = null)
    {
        var rg = Metadata.RowGroups[index];
        var leaves = Schema.Leaves;
        var cols = reuse?.Columns ?? new ColumnData?[leaves.Count];
        var wanted = new bool[leaves.Count];
        foreach (var f in fields ?? Schema.Fields)
            foreach (var li in f.LeafIndices) wanted[li] = true;
        for (var li = 0; li < leaves.Count; li++)
        {
            if (!wanted[li]) { cols[li] = null; continue; }
            var leaf = leaves[li];
            var col = cols[li] ?? new ColumnData(leaf.Element.Type!.Value, leaf.Element.TypeLength, leaf.DefinitionLevel, leaf.RepetitionLevel);
            _chunks.Read(rg.Columns[li], leaf, col);
            if (leaf.RepetitionLevel == 0 && col.LevelCount != rg.NumRows)
                throw new CorruptDataException(Path, rg.Columns[li].StartOffset, $"column '{leaf.DottedPath}' holds {col.LevelCount} values for {rg.NumRows} rows");
            cols[li] = col;
        }
        var offset = rg.Columns.Count > 0 ? rg.Columns[0].StartOffset : 4;
        return new RowGroupData(index, rg.NumRows, cols, Schema, Path, offset);
    }

    /// <summary>Streams rows (one array of top-level values per row, in <paramref name="columns"/> order), row group by row group.</summary>
    public IEnumerable<object?[]> ReadRows(IReadOnlyList<string>? columns = null)
    {
        var fields = ResolveFields(columns);
        RowGroupData? data = null;
        for (var g = 0; g < RowGroupCount; g++)
        {
            data = ReadRowGroup(g, fields, data);
            var values = new object?[fields.Count][];
            for (var f = 0; f < fields.Count; f++) values[f] = data.Values(fields[f]);
            for (var r = 0; r < data.NumRows; r++)
            {
                var row = new object?[fields.Count];
                for (var f = 0; f < fields.Count; f++) row[f] = values[f][r];
                yield return row;
            }
        }
    }

    /// <summary>The OffsetIndex of a column chunk (page locations), or null when the file has no page index.</summary>
    public IReadOnlyList<PageLocation>? ReadOffsetIndex(int rowGroup, int leafIndex)
    {
        var c = Metadata.RowGroups[rowGroup].Columns[leafIndex];
        if (c.OffsetIndexOffset is not { } off || c.OffsetIndexLength is not { } len) return null;
        return PageIndexParser.ParseOffsetIndex(ReadRange(off, len, "offset index"), Path, off);
    }

    /// <summary>The ColumnIndex of a column chunk (per-page min/max/null counts), or null when the file has no page index.</summary>
    public ColumnIndex? ReadColumnIndex(int rowGroup, int leafIndex)
    {
        var c = Metadata.RowGroups[rowGroup].Columns[leafIndex];
        if (c.ColumnIndexOffset is not { } off || c.ColumnIndexLength is not { } len) return null;
        return PageIndexParser.ParseColumnIndex(ReadRange(off, len, "column index"), Path, off);
    }

    private byte[] ReadRange(long offset, int length, string what)
    {
        if (offset < 4 || length < 0 || offset + length > Length - 8)
            throw new CorruptDataException(Path, offset, $"{what} ({length} bytes at {offset}) lies outside the file");
        var buffer = new byte[length];
        if (RandomAccess.Read(_file, buffer, offset) != length) throw new CorruptDataException(Path, offset, $"file ends inside the {what}");
        return buffer;
    }

    public void Dispose() => _file.Dispose();
}
