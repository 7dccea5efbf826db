using System.Text;
using System.Text.Json;
using Curation.Formats.Parquet.Writing;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Stages.Parquet;

/// <summary>Chooses typed Parquet columns for metadata and fills a row's values, sending misfits to a JSON column.</summary>
internal static class MetadataSchema
{
    public static List<(string Key, ParquetColumnType Type)> Infer(IEnumerable<Document> docs)
    {
        var kinds = new Dictionary<string, HashSet<MetaKind>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var d in docs)
        {
            foreach (var (k, v) in d.Metadata)
            {
                if (k is "text" or "id" or "metadata_extra") continue;
                if (!kinds.TryGetValue(k, out var set)) { kinds[k] = set = []; order.Add(k); }
                if (!v.IsNull) set.Add(v.Kind);
            }
        }
        return order.Select(k => (k, TypeOf(kinds[k]))).ToList();
    }

    private static ParquetColumnType TypeOf(HashSet<MetaKind> kinds) => kinds.Count switch
    {
        0 => ParquetColumnType.String,
        1 => kinds.First() switch
        {
            MetaKind.Bool => ParquetColumnType.Boolean,
            MetaKind.Long => ParquetColumnType.Int64,
            MetaKind.Double => ParquetColumnType.Double,
            MetaKind.String => ParquetColumnType.String,
            _ => ParquetColumnType.Json,
        },
        2 when kinds.SetEquals([MetaKind.Long, MetaKind.Double]) => ParquetColumnType.Double,
        _ => ParquetColumnType.Json,
    };

    /// <summary>Fills <paramref name="values"/> from the metadata; returns the JSON of entries with no fitting column, or null.</summary>
    public static string? Fill(Metadata meta, List<(string Key, ParquetColumnType Type)> schema, Span<object?> values)
    {
        Dictionary<string, MetaValue>? extra = null;
        foreach (var (k, v) in meta)
        {
            var i = schema.FindIndex(c => c.Key == k);
            if (i < 0 || !TryConvert(v, schema[i].Type, out values[i])) (extra ??= new(StringComparer.Ordinal))[k] = v;
        }
        if (extra is null) return null;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, DocumentJson.WriterOptions))
        {
            w.WriteStartObject();
            foreach (var (k, v) in extra) { w.WritePropertyName(k); v.WriteTo(w); }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static bool TryConvert(MetaValue v, ParquetColumnType t, out object? value)
    {
        value = null;
        if (v.IsNull) return true;
        switch (t)
        {
            case ParquetColumnType.Boolean when v.Kind == MetaKind.Bool: value = v.AsBool; return true;
            case ParquetColumnType.Int64 when v.Kind == MetaKind.Long: value = v.AsLong; return true;
            case ParquetColumnType.Double when v.IsNumber: value = v.AsDouble; return true;
            case ParquetColumnType.String when v.Kind == MetaKind.String: value = v.AsString; return true;
            case ParquetColumnType.Json:
                using (var ms = new MemoryStream())
                {
                    using (var w = new Utf8JsonWriter(ms, DocumentJson.WriterOptions)) v.WriteTo(w);
                    value = Encoding.UTF8.GetString(ms.ToArray());
                }
                return true;
            default: return false;
        }
    }
}
