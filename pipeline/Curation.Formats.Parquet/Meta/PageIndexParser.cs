using Curation.Formats.Parquet.Thrift;
using T = Curation.Formats.Parquet.Thrift.ThriftCompactReader;

namespace Curation.Formats.Parquet.Meta;

/// <summary>Decodes the page index structures (OffsetIndex, ColumnIndex) stored before the footer.</summary>
internal static class PageIndexParser
{
    public static IReadOnlyList<PageLocation> ParseOffsetIndex(ReadOnlySpan<byte> data, string path, long baseOffset)
    {
        var r = new ThriftCompactReader(data, path, baseOffset);
        var pages = new List<PageLocation>();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            if (id != 1 || t != T.TypeList) { r.Skip(t); continue; }
            var n = r.ReadListHeader(out _);
            for (var i = 0; i < n; i++)
            {
                long offset = -1, first = -1; var size = -1;
                short l2 = 0;
                while (r.NextField(ref l2, out var t2, out var id2))
                {
                    if (id2 == 1 && t2 == T.TypeI64) offset = r.ReadI64();
                    else if (id2 == 2 && t2 == T.TypeI32) size = r.ReadI32();
                    else if (id2 == 3 && t2 == T.TypeI64) first = r.ReadI64();
                    else r.Skip(t2);
                }
                if (offset < 0 || size < 0 || first < 0) throw r.Corrupt("page location with a missing or negative field");
                pages.Add(new PageLocation(offset, size, first));
            }
        }
        return pages;
    }

    public static ColumnIndex ParseColumnIndex(ReadOnlySpan<byte> data, string path, long baseOffset)
    {
        var r = new ThriftCompactReader(data, path, baseOffset);
        var nullPages = new List<bool>();
        var mins = new List<byte[]>();
        var maxs = new List<byte[]>();
        var nulls = new List<long>();
        var order = 0;
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) nullPages.Add(r.ReadBoolElement());
                    break;
                }
                case 2 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) mins.Add(r.ReadBinary());
                    break;
                }
                case 3 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) maxs.Add(r.ReadBinary());
                    break;
                }
                case 4 when t == T.TypeI32: order = r.ReadI32(); break;
                case 5 when t == T.TypeList:
                {
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) nulls.Add(r.ReadI64());
                    break;
                }
                default: r.Skip(t); break;
            }
        }
        if (mins.Count != nullPages.Count || maxs.Count != nullPages.Count) throw r.Corrupt("column index lists differ in length");
        return new ColumnIndex(nullPages, mins, maxs, order, nulls);
    }
}
