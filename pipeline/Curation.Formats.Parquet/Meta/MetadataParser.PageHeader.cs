using Curation.Formats.Parquet.Thrift;
using T = Curation.Formats.Parquet.Thrift.ThriftCompactReader;

namespace Curation.Formats.Parquet.Meta;

/// <summary>Page-header decoding (data page V1/V2, dictionary page).</summary>
internal static partial class MetadataParser
{
    /// <summary>Parses a page header; <paramref name="consumed"/> is its encoded size.</summary>
    public static PageHeader ParsePageHeader(ReadOnlySpan<byte> data, string path, long baseOffset, out int consumed)
    {
        var r = new ThriftCompactReader(data, path, baseOffset);
        var h = new PageHeader();
        bool hasType = false, hasSizes = false;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: h.Type = (PageType)r.ReadI32(); hasType = true; break;
                case 2 when t == T.TypeI32: h.UncompressedSize = r.ReadI32(); break;
                case 3 when t == T.TypeI32: h.CompressedSize = r.ReadI32(); hasSizes = true; break;
                case 5 when t == T.TypeStruct: ParseDataPageV1(ref r, h); break;
                case 7 when t == T.TypeStruct: ParseDictionaryPage(ref r, h); break;
                case 8 when t == T.TypeStruct: ParseDataPageV2(ref r, h); break;
                default: r.Skip(t); break;
            }
        }
        if (!hasType || !hasSizes) throw r.Corrupt("page header without type or sizes");
        if (h.CompressedSize < 0 || h.UncompressedSize < 0) throw r.Corrupt("negative page size");
        consumed = r.Position;
        return h;
    }

    private static void ParseDataPageV1(ref ThriftCompactReader r, PageHeader h)
    {
        h.HasTypeHeader = true;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: h.NumValues = r.ReadI32(); break;
                case 2 when t == T.TypeI32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 3 when t == T.TypeI32: h.DefinitionLevelEncoding = (ParquetEncoding)r.ReadI32(); break;
                case 4 when t == T.TypeI32: h.RepetitionLevelEncoding = (ParquetEncoding)r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
    }

    private static void ParseDictionaryPage(ref ThriftCompactReader r, PageHeader h)
    {
        h.HasTypeHeader = true;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: h.NumValues = r.ReadI32(); break;
                case 2 when t == T.TypeI32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                default: r.Skip(t); break;
            }
        }
    }

    private static void ParseDataPageV2(ref ThriftCompactReader r, PageHeader h)
    {
        h.HasTypeHeader = true;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeI32: h.NumValues = r.ReadI32(); break;
                case 2 when t == T.TypeI32: h.NumNulls = r.ReadI32(); break;
                case 3 when t == T.TypeI32: h.NumRows = r.ReadI32(); break;
                case 4 when t == T.TypeI32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 5 when t == T.TypeI32: h.DefinitionLevelsByteLength = r.ReadI32(); break;
                case 6 when t == T.TypeI32: h.RepetitionLevelsByteLength = r.ReadI32(); break;
                case 7 when t is T.TypeTrue or T.TypeFalse: h.IsCompressed = r.BoolFromType(t); break;
                default: r.Skip(t); break;
            }
        }
    }
}
