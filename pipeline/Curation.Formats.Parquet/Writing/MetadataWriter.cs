using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Thrift;
using T = Curation.Formats.Parquet.Thrift.ThriftCompactReader;

namespace Curation.Formats.Parquet.Writing;

/// <summary>Serialises page headers, the footer and the page index with the thrift compact protocol.</summary>
internal static class MetadataWriter
{
    public static void WritePageHeader(ThriftCompactWriter w, PageType type, int uncompressed, int compressed, int numValues, ParquetEncoding encoding)
    {
        w.FieldI32(1, (int)type);
        w.FieldI32(2, uncompressed);
        w.FieldI32(3, compressed);
        if (type == PageType.DictionaryPage)
        {
            w.BeginStructField(7);
            w.FieldI32(1, numValues);
            w.FieldI32(2, (int)encoding);
            w.EndStruct();
            return;
        }
        w.BeginStructField(5);
        w.FieldI32(1, numValues);
        w.FieldI32(2, (int)encoding);
        w.FieldI32(3, (int)ParquetEncoding.Rle);
        w.FieldI32(4, (int)ParquetEncoding.Rle);
        w.EndStruct();
    }

    public static void WriteFileMetaData(ThriftCompactWriter w, FileMetaData md,
        IReadOnlyList<(long ColumnIndexOffset, int ColumnIndexLength, long OffsetIndexOffset, int OffsetIndexLength)[]>? pageIndex)
    {
        w.FieldI32(1, md.Version);
        w.ListField(2, T.TypeStruct, md.Schema.Count);
        foreach (var el in md.Schema) WriteSchemaElement(w, el);
        w.FieldI64(3, md.NumRows);
        w.ListField(4, T.TypeStruct, md.RowGroups.Count);
        for (var g = 0; g < md.RowGroups.Count; g++)
        {
            var rg = md.RowGroups[g];
            w.BeginStruct();
            w.ListField(1, T.TypeStruct, rg.Columns.Count);
            for (var c = 0; c < rg.Columns.Count; c++)
            {
                var cm = rg.Columns[c];
                w.BeginStruct();
                w.FieldI64(2, cm.StartOffset);
                w.BeginStructField(3);
                WriteColumnMeta(w, cm);
                w.EndStruct();
                if (pageIndex is not null)
                {
                    var pi = pageIndex[g][c];
                    w.FieldI64(4, pi.OffsetIndexOffset);
                    w.FieldI32(5, pi.OffsetIndexLength);
                    w.FieldI64(6, pi.ColumnIndexOffset);
                    w.FieldI32(7, pi.ColumnIndexLength);
                }
                w.EndStruct();
            }
            w.FieldI64(2, rg.TotalByteSize);
            w.FieldI64(3, rg.NumRows);
            if (rg.Columns.Count > 0) w.FieldI64(5, rg.Columns[0].StartOffset);
            w.FieldI64(6, rg.TotalCompressedSize ?? 0);
            w.FieldI32(7, g);
            w.EndStruct();
        }
        if (md.KeyValueMetadata.Count > 0)
        {
            w.ListField(5, T.TypeStruct, md.KeyValueMetadata.Count);
            foreach (var (k, v) in md.KeyValueMetadata)
            {
                w.BeginStruct();
                w.FieldString(1, k);
                if (v is not null) w.FieldString(2, v);
                w.EndStruct();
            }
        }
        if (md.CreatedBy is not null) w.FieldString(6, md.CreatedBy);
        var leaves = md.Schema.Count(e => e.NumChildren == 0 && e.Type is not null);
        w.ListField(7, T.TypeStruct, leaves);
        for (var i = 0; i < leaves; i++)
        {
            // ColumnOrder.TYPE_ORDER: min_value/max_value follow the logical type's order.
            w.BeginStruct();
            w.BeginStructField(1);
            w.EndStruct();
            w.EndStruct();
        }
        w.Stop();
    }

    private static void WriteSchemaElement(ThriftCompactWriter w, SchemaElement el)
    {
        w.BeginStruct();
        if (el.Type is { } t) w.FieldI32(1, (int)t);
        if (el.Type == PhysicalType.FixedLenByteArray) w.FieldI32(2, el.TypeLength);
        if (el.Repetition is { } r) w.FieldI32(3, (int)r);
        w.FieldString(4, el.Name);
        if (el.NumChildren > 0) w.FieldI32(5, el.NumChildren);
        if (el.ConvertedType is { } ct) w.FieldI32(6, (int)ct);
        if (el.LogicalType is { } lt)
        {
            w.BeginStructField(10);
            w.BeginStructField((short)lt.Kind);
            if (lt.Kind == LogicalTypeKind.Timestamp)
            {
                w.FieldBool(1, lt.IsAdjustedToUtc);
                w.BeginStructField(2);
                w.BeginStructField((short)lt.Unit);
                w.EndStruct();
                w.EndStruct();
            }
            w.EndStruct();
            w.EndStruct();
        }
        w.EndStruct();
    }

    private static void WriteColumnMeta(ThriftCompactWriter w, ColumnChunkMeta m)
    {
        w.FieldI32(1, (int)m.Type);
        w.ListField(2, T.TypeI32, m.Encodings.Count);
        foreach (var e in m.Encodings) w.I32Element((int)e);
        w.ListField(3, T.TypeBinary, m.PathInSchema.Count);
        foreach (var p in m.PathInSchema) w.StringElement(p);
        w.FieldI32(4, (int)m.Codec);
        w.FieldI64(5, m.NumValues);
        w.FieldI64(6, m.TotalUncompressedSize);
        w.FieldI64(7, m.TotalCompressedSize);
        w.FieldI64(9, m.DataPageOffset);
        if (m.DictionaryPageOffset is { } d) w.FieldI64(11, d);
        if (m.Statistics is { } s)
        {
            w.BeginStructField(12);
            var legacy = m.Type is not (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray);
            if (legacy && s.Max is not null) w.FieldBinary(1, s.Max);
            if (legacy && s.Min is not null) w.FieldBinary(2, s.Min);
            if (s.NullCount is { } n) w.FieldI64(3, n);
            if (s.Max is not null) w.FieldBinary(5, s.Max);
            if (s.Min is not null) w.FieldBinary(6, s.Min);
            w.EndStruct();
        }
    }

    public static void WriteColumnIndex(ThriftCompactWriter w, IReadOnlyList<PageIndexEntry> pages)
    {
        w.ListField(1, T.TypeTrue, pages.Count);
        foreach (var p in pages) w.BoolElement(p.AllNull);
        w.ListField(2, T.TypeBinary, pages.Count);
        foreach (var p in pages) w.Binary(p.Min ?? []);
        w.ListField(3, T.TypeBinary, pages.Count);
        foreach (var p in pages) w.Binary(p.Max ?? []);
        w.FieldI32(4, 0);
        w.ListField(5, T.TypeI64, pages.Count);
        foreach (var p in pages) w.I64Element(p.NullCount);
        w.Stop();
    }

    public static void WriteOffsetIndex(ThriftCompactWriter w, IReadOnlyList<PageIndexEntry> pages)
    {
        w.ListField(1, T.TypeStruct, pages.Count);
        foreach (var p in pages)
        {
            w.BeginStruct();
            w.FieldI64(1, p.Offset);
            w.FieldI32(2, p.CompressedSize);
            w.FieldI64(3, p.FirstRow);
            w.EndStruct();
        }
        w.Stop();
    }
}
