using System.CommandLine;
using System.Text.Json;
using Curation.Cli.Output;
using Curation.Formats.Compression;
using Curation.Formats.Text;
using Curation.Pipeline.IO;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary><c>curate inspect FILE</c>: first records, record count and inferred schema of a JSONL(.gz/.zst) or text file.</summary>
public sealed class InspectVerb : ICliCommand
{
    public Command Create()
    {
        var file = new Argument<string>("file") { Description = "a .jsonl, .jsonl.gz, .jsonl.zst, .parquet or .txt file" };
        var head = new Option<int>("--head") { Description = "print the first N records", DefaultValueFactory = _ => 0 };
        var count = new Option<bool>("--count") { Description = "print only the record count" };
        var schema = new Option<bool>("--schema") { Description = "print the fields and their JSON types" };
        var cmd = new Command("inspect", "show the head, record count and schema of a data file") { file, head, count, schema };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(file)!;
            if (!File.Exists(path)) throw new CliError($"{path}: no such file");
            if (FormatRegistry.Detect(path) == InputFormat.Parquet)
                return Curation.Formats.Parquet.ParquetInspector.Run(path, pr.GetValue(head), pr.GetValue(count), pr.GetValue(schema));
            if (FormatRegistry.Detect(path) != InputFormat.Jsonl)
            {
                var text = new StreamReader(CompressedFile.OpenRead(path)).ReadToEnd();
                Console.Out.WriteLine(pr.GetValue(count) ? "1" : text[..Math.Min(text.Length, 2000)]);
                return 0;
            }
            return InspectJsonl(path, pr.GetValue(head), pr.GetValue(count), pr.GetValue(schema));
        });
        return cmd;
    }

    private static int InspectJsonl(string path, int head, bool countOnly, bool schemaOnly)
    {
        using var stream = CompressedFile.OpenRead(path);
        using var lines = new LineReader(stream);
        long n = 0, bad = 0;
        var fields = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var printed = 0;
        while (lines.TryReadLine(out var line))
        {
            if (line.Trim(" \t"u8).IsEmpty) continue;
            n++;
            if (!countOnly && printed < head)
            {
                Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(line));
                printed++;
            }
            if (countOnly || n > 10_000) continue;
            try
            {
                using var doc = JsonDocument.Parse(line.ToArray());
                if (doc.RootElement.ValueKind != JsonValueKind.Object) { bad++; continue; }
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    Collect(fields, p.Name, p.Value);
                }
            }
            catch (JsonException) { bad++; }
        }
        if (countOnly) { Console.Out.WriteLine(n); return 0; }
        if (schemaOnly || head == 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(Path.GetFileName(path))}: {Formatting.Count(n)} records");
            t.AddColumns("field", "types (first 10,000 records)");
            foreach (var (k, v) in fields) t.AddRow(Markup.Escape(k), string.Join(" | ", v));
            Consoles.Out.Write(t);
            if (bad > 0) Consoles.Out.WriteLine($"{bad} malformed record(s) in the first 10,000");
        }
        return 0;
    }

    private static void Collect(SortedDictionary<string, SortedSet<string>> fields, string name, JsonElement v)
    {
        if (!fields.TryGetValue(name, out var set)) fields[name] = set = new SortedSet<string>(StringComparer.Ordinal);
        set.Add(v.ValueKind.ToString().ToLowerInvariant());
        if (v.ValueKind == JsonValueKind.Object && name == "metadata")
            foreach (var p in v.EnumerateObject()) Collect(fields, "metadata." + p.Name, p.Value);
    }
}
