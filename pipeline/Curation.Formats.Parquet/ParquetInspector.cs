using System.Globalization;
using System.Text;
using System.Text.Json;
using Curation.Formats.Parquet.Json;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet;

/// <summary>
/// <c>curate inspect FILE.parquet</c>: the record count, the schema (one "name TYPE [nullable]" line per
/// column, then the row groups) or the first rows as JSON lines. Matches the CLI's inspect hook signature.
/// </summary>
public static class ParquetInspector
{
    /// <summary>Writes to stdout; returns the exit code (0).</summary>
    public static int Run(string path, int head, bool countOnly, bool schemaOnly) => Run(path, head, countOnly, schemaOnly, Console.Out);

    public static int Run(string path, int head, bool countOnly, bool schemaOnly, TextWriter output)
    {
        var info = CurationParquetCodec.Instance.Inspect(path);
        if (countOnly)
        {
            output.WriteLine(info.RowCount.ToString(CultureInfo.InvariantCulture));
            return 0;
        }
        if (head > 0 && !schemaOnly)
        {
            using var reader = ParquetFileReader.Open(path);
            using var ms = new MemoryStream();
            var names = reader.Schema.Fields.Select(f => f.Name).ToArray();
            var n = 0;
            foreach (var row in reader.ReadRows())
            {
                if (n++ >= head) break;
                ms.SetLength(0);
                using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                    ParquetJson.WriteRow(w, names, row);
                output.WriteLine(Encoding.UTF8.GetString(ms.GetBuffer(), 0, (int)ms.Length));
            }
            return 0;
        }
        output.WriteLine($"{Path.GetFileName(path)}: {info.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows, {info.RowGroups.Count} row groups, {info.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes, created by {info.CreatedBy ?? "unknown"}");
        foreach (var c in info.Columns) output.WriteLine($"  {c.Name} {c.Type}{(c.Nullable ? "" : " NOT NULL")}");
        for (var g = 0; g < info.RowGroups.Count && g < 20; g++)
        {
            var rg = info.RowGroups[g];
            var codecs = string.Join("/", rg.Columns.Select(c => c.Codec.ToString().ToUpperInvariant()).Distinct());
            output.WriteLine($"  row group {g}: {rg.NumRows.ToString(CultureInfo.InvariantCulture)} rows, {rg.Columns.Sum(c => c.TotalCompressedSize).ToString(CultureInfo.InvariantCulture)} bytes ({codecs})");
        }
        if (info.RowGroups.Count > 20) output.WriteLine($"  ... {info.RowGroups.Count - 20} more row groups");
        return 0;
    }
}
