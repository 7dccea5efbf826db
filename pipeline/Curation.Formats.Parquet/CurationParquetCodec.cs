using Curation.Formats.Parquet.Json;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Schema;
using Curation.Formats.Parquet.Writing;

namespace Curation.Formats.Parquet;

/// <summary>Curation's own Parquet codec behind <see cref="IParquetCodec"/>.</summary>
public sealed class CurationParquetCodec : IParquetCodec
{
    /// <summary>The shared instance (the codec holds no state).</summary>
    public static CurationParquetCodec Instance { get; } = new();

    public IEnumerable<object?[]> ReadRows(string path, IReadOnlyList<string>? columns = null)
    {
        using var reader = ParquetFileReader.Open(path);
        foreach (var row in reader.ReadRows(columns)) yield return row;
    }

    public ParquetFileWriter CreateWriter(string path, IReadOnlyList<ParquetColumnSpec> columns, ParquetWriterOptions? options = null) =>
        ParquetFileWriter.Create(path, columns, options);

    public long WriteJsonLines(string path, Stream output, IReadOnlyList<string>? columns = null) =>
        ParquetJson.WriteJsonLines(path, output, columns);

    public ParquetFileInfo Inspect(string path)
    {
        using var reader = ParquetFileReader.Open(path);
        var columns = reader.Schema.Fields.Select(f => new ParquetColumnInfo(f.Name, TypeName(f), f.Repetition != Repetition.Required)).ToArray();
        return new ParquetFileInfo(path, reader.Length, reader.RowCount, columns, reader.Metadata.RowGroups)
        {
            CreatedBy = reader.Metadata.CreatedBy,
            SchemaText = reader.Schema.Describe(),
        };
    }

    /// <summary>A DuckDB-style type name for a schema node (VARCHAR, BIGINT, INTEGER[], STRUCT(a DOUBLE, ...), ...).</summary>
    public static string TypeName(SchemaNode n)
    {
        switch (n.Kind)
        {
            case NodeKind.List: return TypeName(n.ListElement!) + "[]";
            case NodeKind.Map:
                return $"MAP({TypeName(n.RepeatedChild!.Children[0])}, {TypeName(n.RepeatedChild.Children[1])})";
            case NodeKind.Struct:
                var inner = "STRUCT(" + string.Join(", ", n.Children.Select(c => $"{c.Name} {TypeName(c)}")) + ")";
                return n.Repetition == Repetition.Repeated ? inner + "[]" : inner;
        }
        var el = n.Element;
        var lt = el.LogicalType;
        var ct = el.ConvertedType;
        var name = el.Type switch
        {
            PhysicalType.Boolean => "BOOLEAN",
            PhysicalType.Int32 when lt?.Kind == LogicalTypeKind.Date || ct == ConvertedType.Date => "DATE",
            PhysicalType.Int32 or PhysicalType.Int64 when lt?.Kind == LogicalTypeKind.Decimal || ct == ConvertedType.Decimal => $"DECIMAL({Precision(el)},{Scale(el)})",
            PhysicalType.Int32 when lt?.Kind == LogicalTypeKind.Time || ct == ConvertedType.TimeMillis => "TIME",
            PhysicalType.Int32 => lt is { Kind: LogicalTypeKind.Integer } i ? IntName(i.BitWidth, i.IsSigned) : ct switch
            {
                ConvertedType.Int8 => "TINYINT", ConvertedType.Int16 => "SMALLINT", ConvertedType.Uint8 => "UTINYINT",
                ConvertedType.Uint16 => "USMALLINT", ConvertedType.Uint32 => "UINTEGER", _ => "INTEGER",
            },
            PhysicalType.Int64 when lt?.Kind == LogicalTypeKind.Timestamp || ct is ConvertedType.TimestampMicros or ConvertedType.TimestampMillis =>
                lt?.IsAdjustedToUtc == true ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP",
            PhysicalType.Int64 when lt?.Kind == LogicalTypeKind.Time || ct == ConvertedType.TimeMicros => "TIME",
            PhysicalType.Int64 => lt is { Kind: LogicalTypeKind.Integer, IsSigned: false } || ct == ConvertedType.Uint64 ? "UBIGINT" : "BIGINT",
            PhysicalType.Int96 => "TIMESTAMP",
            PhysicalType.Float => "FLOAT",
            PhysicalType.Double => "DOUBLE",
            _ when ValueConverter.IsText(el) => lt?.Kind == LogicalTypeKind.Json || ct == ConvertedType.Json ? "JSON" : "VARCHAR",
            _ when lt?.Kind == LogicalTypeKind.Decimal || ct == ConvertedType.Decimal => $"DECIMAL({Precision(el)},{Scale(el)})",
            _ when lt?.Kind == LogicalTypeKind.Uuid => "UUID",
            _ => "BLOB",
        };
        return n.Repetition == Repetition.Repeated ? name + "[]" : name;
    }

    private static int Scale(SchemaElement el) => el.LogicalType?.Kind == LogicalTypeKind.Decimal ? el.LogicalType.Scale : el.Scale;

    private static int Precision(SchemaElement el) => el.LogicalType?.Kind == LogicalTypeKind.Decimal ? el.LogicalType.Precision : el.Precision;

    private static string IntName(int bits, bool signed) => (bits, signed) switch
    {
        (8, true) => "TINYINT", (16, true) => "SMALLINT", (32, true) => "INTEGER", (64, true) => "BIGINT",
        (8, false) => "UTINYINT", (16, false) => "USMALLINT", (32, false) => "UINTEGER", _ => "UBIGINT",
    };
}
