using System.Diagnostics;
using System.Globalization;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Writing;

// Curation side of the Parquet benchmark, single-threaded, best of REPS runs; one JSON line per measurement.
//   ParquetBench IN.parquet WORK_DIR
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ParquetBench IN.parquet WORK_DIR");
    return 2;
}
var input = args[0];
var work = args[1];
var reps = int.TryParse(Environment.GetEnvironmentVariable("REPS"), out var r) ? r : 3;

double Best(Func<long> run, out long result)
{
    var best = double.MaxValue;
    result = 0;
    for (var i = 0; i < reps; i++)
    {
        var sw = Stopwatch.StartNew();
        result = run();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    return best;
}

void Report(string op, double seconds, long bytes, long size = 0) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"tool\":\"curation\",\"op\":\"{op}\",\"seconds\":{seconds:F4},\"bytes\":{bytes}{(size > 0 ? $",\"size\":{size}" : "")}}}"));

// Read: the `text` column only, as UTF-8 bytes (what DuckDB's sum(strlen(text)) touches).
var t = Best(() =>
{
    using var reader = ParquetFileReader.Open(input);
    var fields = reader.ResolveFields(["text"]);
    long total = 0;
    RowGroupData? data = null;
    for (var g = 0; g < reader.RowGroupCount; g++)
    {
        data = reader.ReadRowGroup(g, fields, data);
        var col = data.Column("text");
        for (var i = 0; i < col.ValueCount; i++) total += col.GetBytes(i).Length;
    }
    return total;
}, out var textBytes);
Report("read_text", t, textBytes);

// Read as .NET strings through the row API (what a pipeline reader stage does).
t = Best(() =>
{
    using var reader = ParquetFileReader.Open(input);
    long chars = 0;
    foreach (var row in reader.ReadRows(["text"])) chars += ((string?)row[0])?.Length ?? 0;
    return chars;
}, out _);
Report("read_text_strings", t, textBytes);

// Write: the same rows (all columns), held in memory first so only encoding + compression + I/O is timed.
var rows = new List<object?[]>();
List<ParquetColumnSpec> specs;
using (var reader = ParquetFileReader.Open(input))
{
    specs = reader.Schema.Fields.Select(f => new ParquetColumnSpec(f.Name,
        f.Element.Type == Curation.Formats.Parquet.Meta.PhysicalType.Int64 ? ParquetColumnType.Int64 : ParquetColumnType.String)).ToList();
    rows.AddRange(reader.ReadRows());
}
var dst = Path.Combine(work, "curation_write.parquet");
t = Best(() =>
{
    using var w = ParquetFileWriter.Create(dst, specs, new ParquetWriterOptions());
    foreach (var row in rows) w.WriteRow(row);
    w.Complete();
    return w.RowCount;
}, out _);
Report("write_zstd", t, textBytes, new FileInfo(dst).Length);
return 0;
