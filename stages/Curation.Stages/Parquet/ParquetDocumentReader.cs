using System.Globalization;
using System.Text;
using System.Text.Json;
using Curation.Formats.Parquet;
using Curation.Formats.Parquet.Json;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Parquet;

/// <summary>
/// Reads documents from Parquet through <see cref="IParquetCodec"/>: the text and id columns, and every other
/// (or every configured) column as typed metadata. A null or non-text value in the text column is a malformed row,
/// quarantined as its JSON; a damaged file throws <see cref="Curation.Formats.CorruptDataException"/>.
/// </summary>
public sealed class ParquetDocumentReader(IParquetCodec codec) : IDocumentFileReader
{
    public IEnumerable<Document> Read(string path, ReadOptions options, InputStats stats, IQuarantine quarantine, CancellationToken ct)
    {
        stats.Files++;
        var info = codec.Inspect(path);
        stats.Bytes += info.Length;
        if (info.RowCount == 0) stats.EmptyFiles++;
        var names = info.Columns.Select(c => c.Name).ToList();
        if (!names.Contains(options.TextKey))
            throw new InvalidDataException($"{path}: no column \"{options.TextKey}\"; columns: {string.Join(", ", names)} (set input.text_key)");
        var wanted = options.Columns is null ? names : names.Where(n => n == options.TextKey || n == options.IdKey || options.Columns.Contains(n)).ToList();
        var textIndex = wanted.IndexOf(options.TextKey);
        var idIndex = wanted.IndexOf(options.IdKey);
        var prefix = DocumentIds.Prefix(path, options.BaseDirectory);
        long row = 0;
        foreach (var values in codec.ReadRows(path, wanted))
        {
            if ((row & 1023) == 0) ct.ThrowIfCancellationRequested();
            stats.Records++;
            var r = row++;
            if (values[textIndex] is not string text)
            {
                var kind = values[textIndex] is null ? MalformedKinds.MissingText : MalformedKinds.TextNotString;
                stats.AddMalformed(kind);
                quarantine.Add(new MalformedRecord(path, r, -1, kind, $"row {r}: column \"{options.TextKey}\" is {(values[textIndex] is null ? "null" : "not a string")}",
                    Encoding.UTF8.GetBytes(RowJson(wanted, values))));
                continue;
            }
            var id = idIndex >= 0 && values[idIndex] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture)! : prefix + r.ToString(CultureInfo.InvariantCulture);
            var meta = new List<KeyValuePair<string, MetaValue>>(wanted.Count);
            for (var i = 0; i < wanted.Count; i++)
            {
                if (i == textIndex || i == idIndex) continue;
                meta.Add(new(wanted[i], ToMeta(values[i])));
            }
            yield return new Document(id, text, Metadata.From(meta), new SourceRef(path, r));
        }
    }

    private static string RowJson(IReadOnlyList<string> names, object?[] values)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) ParquetJson.WriteRow(w, names, values);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Parquet values as metadata: numbers and strings as themselves, nested and other values as their JSON.</summary>
    public static MetaValue ToMeta(object? v) => v switch
    {
        null => MetaValue.Null,
        bool b => MetaValue.From(b),
        string s => MetaValue.From(s),
        sbyte or byte or short or ushort or int or uint or long => MetaValue.From(Convert.ToInt64(v, CultureInfo.InvariantCulture)),
        ulong u when u <= long.MaxValue => MetaValue.From((long)u),
        float f => MetaValue.From((double)f),
        double d => MetaValue.From(d),
        _ => JsonOf(v),
    };

    private static MetaValue JsonOf(object v)
    {
        var json = ParquetJson.ToJson(v);
        // A JSON string (dates, decimals, blobs) is kept as a plain string value; arrays and objects as nested JSON.
        return json.StartsWith('"') ? MetaValue.From(JsonSerializer.Deserialize<string>(json)) : MetaValue.FromJson(json);
    }
}
