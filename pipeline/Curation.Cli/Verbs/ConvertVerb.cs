using System.CommandLine;
using Curation.Cli.Output;
using Curation.Formats.Compression;
using Curation.Formats.Text;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stats;
using Curation.Stages;
using Curation.Stages.Parquet;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary>
/// <c>curate convert IN OUT</c>: between JSONL (plain, .gz, .zst), Parquet and text, the formats taken from the
/// extensions. Parquet → JSONL is flat and lossless (every column in schema order, as DuckDB's JSON export);
/// JSONL → JSONL copies records byte for byte; anything → Parquet writes documents (text, id, typed metadata).
/// </summary>
public sealed class ConvertVerb : ICliCommand
{
    public Command Create()
    {
        var input = new Argument<string>("in") { Description = "input file (.jsonl[.gz|.zst], .parquet, .txt)" };
        var output = new Argument<string>("out") { Description = "output file; its extension picks the format" };
        var textKey = new Option<string>("--text-key") { Description = "the field holding the text", DefaultValueFactory = _ => "text" };
        var idKey = new Option<string>("--id-key") { Description = "the field holding the id", DefaultValueFactory = _ => "id" };
        var cmd = new Command("convert", "convert a data file between JSONL(.gz/.zst), Parquet and text") { input, output, textKey, idKey };
        cmd.SetAction(pr =>
        {
            var inPath = pr.GetValue(input)!;
            var outPath = pr.GetValue(output)!;
            if (!File.Exists(inPath)) throw new CliError($"{inPath}: no such file");
            var inFmt = FormatRegistry.Detect(inPath);
            var outFmt = FormatRegistry.Detect(outPath);
            if (outFmt is not (InputFormat.Jsonl or InputFormat.Parquet))
                throw new CliError($"{outPath}: cannot write this format", 2, "write .jsonl, .jsonl.gz, .jsonl.zst or .parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            long n;
            if (inFmt == InputFormat.Parquet && outFmt == InputFormat.Jsonl)
            {
                using var fs = File.Create(outPath);
                using var s = CompressedFile.Wrap(fs, CompressedFile.FromPath(outPath));
                n = ParquetModule.Codec.WriteJsonLines(inPath, s);
            }
            else if (inFmt == InputFormat.Jsonl && outFmt == InputFormat.Jsonl)
            {
                n = CopyLines(inPath, outPath);
            }
            else
            {
                n = WriteDocuments(inPath, outPath, pr.GetValue(textKey)!, pr.GetValue(idKey)!);
            }
            Consoles.Out.WriteLine($"{n} records → {outPath}");
            return 0;
        });
        return cmd;
    }

    private static long CopyLines(string inPath, string outPath)
    {
        using var src = CompressedFile.OpenRead(inPath);
        using var lines = new LineReader(src);
        using var fs = File.Create(outPath);
        using var dst = CompressedFile.Wrap(fs, CompressedFile.FromPath(outPath));
        long n = 0;
        while (lines.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            dst.Write(line);
            dst.WriteByte((byte)'\n');
            n++;
        }
        return n;
    }

    private static long WriteDocuments(string inPath, string outPath, string textKey, string idKey)
    {
        var (_, ctx) = BuiltinRegistry.Create();
        var reader = ctx.Formats.ReaderFor(inPath, InputFormat.Auto);
        var stats = new InputStats();
        var quarantine = new CountingQuarantine();
        var (_, factory) = ctx.Formats.WriterFor(FormatRegistry.Detect(outPath) == InputFormat.Parquet ? "parquet" : "jsonl");
        using var writer = factory(_ => outPath, long.MaxValue, null);
        long n = 0;
        foreach (var d in reader.Read(inPath, new ReadOptions { TextKey = textKey, IdKey = idKey }, stats, quarantine, CancellationToken.None))
        {
            writer.Write(d);
            n++;
        }
        writer.Complete();
        if (quarantine.Count > 0)
            Consoles.Err.WriteLine($"warning: {quarantine.Count} malformed record(s) skipped, first: {quarantine.First}");
        return n;
    }

    private sealed class CountingQuarantine : IQuarantine
    {
        public long Count { get; private set; }
        public string? First { get; private set; }

        public void Add(MalformedRecord record)
        {
            Count++;
            First ??= $"{record.Path}:{record.Line}: {record.Message}";
        }
    }
}
