using Curation.Formats.Parquet.Schema;

namespace Curation.Formats.Parquet.Reading;

/// <summary>The decoded leaf columns of one row group (only the projected ones; the others were never read).</summary>
public sealed class RowGroupData
{
    internal RowGroupData(int index, long numRows, ColumnData?[] columns, ParquetSchema schema, string path, long offset)
    {
        Index = index;
        NumRows = numRows;
        Columns = columns;
        Schema = schema;
        Path = path;
        Offset = offset;
    }

    public int Index { get; }

    public long NumRows { get; }

    internal ColumnData?[] Columns { get; }

    internal ParquetSchema Schema { get; }

    internal string Path { get; }

    internal long Offset { get; }

    /// <summary>The decoded leaf column, or null when it was not projected.</summary>
    public ColumnData? Column(int leafIndex) => Columns[leafIndex];

    /// <summary>The decoded leaf for a flat top-level field called <paramref name="name"/>.</summary>
    public ColumnData Column(string name)
    {
        var f = Schema.Field(name) ?? throw new KeyNotFoundException($"{Path}: no column '{name}'");
        if (f.LeafIndex < 0) throw new InvalidOperationException($"{Path}: column '{name}' is nested; read it through rows");
        return Columns[f.LeafIndex] ?? throw new InvalidOperationException($"{Path}: column '{name}' was not projected");
    }

    /// <summary>All values of top-level field <paramref name="field"/>, one per row (nested values as lists, structs and maps).</summary>
    public object?[] Values(SchemaNode field)
    {
        try
        {
            return new RowAssembler(field, this).AssembleAll();
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidCastException or OverflowException)
        {
            // Defence in depth: level streams that contradict the schema surface as corruption, not as a crash.
            throw new CorruptDataException(Path, Offset, $"row group {Index}, field '{field.Name}': values contradict the schema ({e.Message})", e);
        }
    }
}
