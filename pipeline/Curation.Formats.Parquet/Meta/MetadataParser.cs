using Curation.Formats.Parquet.Thrift;
using T = Curation.Formats.Parquet.Thrift.ThriftCompactReader;

namespace Curation.Formats.Parquet.Meta;

/// <summary>Decodes the thrift footer and page headers into the metadata records.</summary>
internal static partial class MetadataParser
{
    public static FileMetaData ParseFileMetaData(ReadOnlySpan<byte> data, string path, long baseOffset)
    {
        var r = new ThriftCompactReader(data, path, baseOffset);
        int version = 0;
        long numRows = -1;
        List<SchemaElement>? schema = null;
        var rowGroups = new List<RowGroupMeta>();
        var kv = new List<KeyValuePair<string, string?>>();
        string? createdBy = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: version = r.ReadI32(); break;
                case 2 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    schema = new List<SchemaElement>(n);
                    for (var i = 0; i < n; i++) schema.Add(ParseSchemaElement(ref r));
                    break;
                }
                case 3 when t == T.TypeI64: numRows = r.ReadI64(); break;
                case 4 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) rowGroups.Add(ParseRowGroup(ref r));
                    break;
                }
                case 5 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) kv.Add(ParseKeyValue(ref r));
                    break;
                }
                case 6 when t == T.TypeBinary: createdBy = r.ReadString(); break;
                default: r.Skip(t); break;
            }
        }
        if (schema is null || schema.Count == 0) throw r.Corrupt("footer has no schema");
        if (numRows < 0) throw r.Corrupt("footer has no row count");
        return new FileMetaData(version, schema, numRows, rowGroups) { KeyValueMetadata = kv, CreatedBy = createdBy };
    }

    private static KeyValuePair<string, string?> ParseKeyValue(ref ThriftCompactReader r)
    {
        string key = "";
        string? value = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            if (id == 1 && t == T.TypeBinary) key = r.ReadString();
            else if (id == 2 && t == T.TypeBinary) value = r.ReadString();
            else r.Skip(t);
        }
        return new(key, value);
    }

    private static SchemaElement ParseSchemaElement(ref ThriftCompactReader r)
    {
        PhysicalType? type = null; Repetition? rep = null; ConvertedType? conv = null; LogicalType? logical = null;
        int typeLength = 0, numChildren = 0, scale = 0, precision = 0;
        int? fieldId = null;
        string? name = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: type = (PhysicalType)r.ReadI32(); break;
                case 2 when t == T.TypeI32: typeLength = r.ReadI32(); break;
                case 3 when t == T.TypeI32: rep = (Repetition)r.ReadI32(); break;
                case 4 when t == T.TypeBinary: name = r.ReadString(); break;
                case 5 when t == T.TypeI32: numChildren = r.ReadI32(); break;
                case 6 when t == T.TypeI32: conv = (ConvertedType)r.ReadI32(); break;
                case 7 when t == T.TypeI32: scale = r.ReadI32(); break;
                case 8 when t == T.TypeI32: precision = r.ReadI32(); break;
                case 9 when t == T.TypeI32: fieldId = r.ReadI32(); break;
                case 10 when t == T.TypeStruct: logical = ParseLogicalType(ref r); break;
                default: r.Skip(t); break;
            }
        }
        if (name is null) throw r.Corrupt("schema element without a name");
        if (type is { } pt && (int)pt is < 0 or > 7) throw r.Corrupt($"unknown physical type {(int)pt} for '{name}'");
        if (numChildren < 0) throw r.Corrupt($"negative child count for '{name}'");
        return new SchemaElement(name)
        {
            Type = type, TypeLength = typeLength, Repetition = rep, NumChildren = numChildren, ConvertedType = conv,
            Scale = scale, Precision = precision, FieldId = fieldId, LogicalType = logical,
        };
    }

    private static LogicalType? ParseLogicalType(ref ThriftCompactReader r)
    {
        LogicalType? result = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            if (t != T.TypeStruct) { r.Skip(t); continue; }
            var kind = (LogicalTypeKind)id;
            switch (kind)
            {
                case LogicalTypeKind.Decimal:
                {
                    int scale = 0, precision = 0; short l2 = 0;
                    while (r.NextField(ref l2, out var t2, out var id2))
                    {
                        if (id2 == 1 && t2 == T.TypeI32) scale = r.ReadI32();
                        else if (id2 == 2 && t2 == T.TypeI32) precision = r.ReadI32();
                        else r.Skip(t2);
                    }
                    result = new LogicalType(kind) { Scale = scale, Precision = precision };
                    break;
                }
                case LogicalTypeKind.Time or LogicalTypeKind.Timestamp:
                {
                    bool utc = false; var unit = TimeUnit.Micros; short l2 = 0;
                    while (r.NextField(ref l2, out var t2, out var id2))
                    {
                        if (id2 == 1 && t2 is T.TypeTrue or T.TypeFalse) utc = r.BoolFromType(t2);
                        else if (id2 == 2 && t2 == T.TypeStruct) unit = ParseTimeUnit(ref r);
                        else r.Skip(t2);
                    }
                    result = new LogicalType(kind) { IsAdjustedToUtc = utc, Unit = unit };
                    break;
                }
                case LogicalTypeKind.Integer:
                {
                    int width = 0; bool signed = true; short l2 = 0;
                    while (r.NextField(ref l2, out var t2, out var id2))
                    {
                        if (id2 == 1 && t2 == T.TypeByte) width = (sbyte)r.ReadByte();
                        else if (id2 == 2 && t2 is T.TypeTrue or T.TypeFalse) signed = r.BoolFromType(t2);
                        else r.Skip(t2);
                    }
                    result = new LogicalType(kind) { BitWidth = width, IsSigned = signed };
                    break;
                }
                default:
                    r.Skip(t);
                    result = Enum.IsDefined(kind) ? new LogicalType(kind) : null;
                    break;
            }
        }
        return result;
    }

    private static TimeUnit ParseTimeUnit(ref ThriftCompactReader r)
    {
        var unit = TimeUnit.Micros;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            if (id is >= 1 and <= 3) unit = (TimeUnit)id;
            r.Skip(t);
        }
        return unit;
    }

    private static RowGroupMeta ParseRowGroup(ref ThriftCompactReader r)
    {
        var cols = new List<ColumnChunkMeta>();
        long numRows = -1, totalBytes = 0;
        long? compressed = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) cols.Add(ParseColumnChunk(ref r));
                    break;
                }
                case 2 when t == T.TypeI64: totalBytes = r.ReadI64(); break;
                case 3 when t == T.TypeI64: numRows = r.ReadI64(); break;
                case 6 when t == T.TypeI64: compressed = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }
        if (numRows < 0) throw r.Corrupt("row group without a valid row count");
        return new RowGroupMeta(cols, numRows, totalBytes) { TotalCompressedSize = compressed };
    }

    private static ColumnChunkMeta ParseColumnChunk(ref ThriftCompactReader r)
    {
        ColumnChunkMeta? meta = null;
        long? oiOff = null, ciOff = null; int? oiLen = null, ciLen = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeBinary: throw r.Corrupt("column chunks in external files are not supported");
                case 3 when t == T.TypeStruct: meta = ParseColumnMeta(ref r); break;
                case 4 when t == T.TypeI64: oiOff = r.ReadI64(); break;
                case 5 when t == T.TypeI32: oiLen = r.ReadI32(); break;
                case 6 when t == T.TypeI64: ciOff = r.ReadI64(); break;
                case 7 when t == T.TypeI32: ciLen = r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
        if (meta is null) throw r.Corrupt("column chunk without metadata");
        return meta with { OffsetIndexOffset = oiOff, OffsetIndexLength = oiLen, ColumnIndexOffset = ciOff, ColumnIndexLength = ciLen };
    }

    private static ColumnChunkMeta ParseColumnMeta(ref ThriftCompactReader r)
    {
        var m = new ColumnChunkMeta();
        var encodings = new List<ParquetEncoding>();
        var path = new List<string>();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: m = m with { Type = (PhysicalType)r.ReadI32() }; break;
                case 2 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) encodings.Add((ParquetEncoding)r.ReadI32());
                    break;
                }
                case 3 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) path.Add(r.ReadString());
                    break;
                }
                case 4 when t == T.TypeI32: m = m with { Codec = (CompressionCodec)r.ReadI32() }; break;
                case 5 when t == T.TypeI64: m = m with { NumValues = r.ReadI64() }; break;
                case 6 when t == T.TypeI64: m = m with { TotalUncompressedSize = r.ReadI64() }; break;
                case 7 when t == T.TypeI64: m = m with { TotalCompressedSize = r.ReadI64() }; break;
                case 9 when t == T.TypeI64: m = m with { DataPageOffset = r.ReadI64() }; break;
                case 11 when t == T.TypeI64: m = m with { DictionaryPageOffset = r.ReadI64() }; break;
                case 12 when t == T.TypeStruct: m = m with { Statistics = ParseStatistics(ref r) }; break;
                default: r.Skip(t); break;
            }
        }
        return m with { Encodings = encodings, PathInSchema = path };
    }

    public static ColumnStatistics ParseStatistics(ref ThriftCompactReader r)
    {
        byte[]? min = null, max = null, minValue = null, maxValue = null;
        long? nulls = null, distinct = null;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeBinary: max = r.ReadBinary(); break;
                case 2 when t == T.TypeBinary: min = r.ReadBinary(); break;
                case 3 when t == T.TypeI64: nulls = r.ReadI64(); break;
                case 4 when t == T.TypeI64: distinct = r.ReadI64(); break;
                case 5 when t == T.TypeBinary: maxValue = r.ReadBinary(); break;
                case 6 when t == T.TypeBinary: minValue = r.ReadBinary(); break;
                default: r.Skip(t); break;
            }
        }
        var aware = minValue is not null || maxValue is not null;
        return new ColumnStatistics
        {
            Min = aware ? minValue : min, Max = aware ? maxValue : max, NullCount = nulls, DistinctCount = distinct, IsOrderAware = aware,
        };
    }
}
