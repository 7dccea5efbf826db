using BenchmarkDotNet.Attributes;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Writing;

namespace Curation.Benchmarks.Parquet;

/// <summary>
/// Parquet codec hot paths: reading the text column (bytes, and as .NET strings) and writing document rows.
/// Input: PARQUET_BENCH_FILE (e.g. the DuckDB file tests/bench/parquet/bench.sh builds) or, when unset, a
/// synthetic 40 MB document file written in setup. The side-by-side comparison with DuckDB, hyparquet and
/// parquet-wasm is tests/bench/parquet/bench.sh.
/// </summary>
[MemoryDiagnoser]
public class ParquetCodecBenchmarks
{
    private string _dir = "";
    private string _input = "";
    private List<object?[]> _rows = [];
    private List<ParquetColumnSpec> _specs = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("curation-pq-bench").FullName;
        _input = Environment.GetEnvironmentVariable("PARQUET_BENCH_FILE") is { Length: > 0 } f ? f : Synthesize(Path.Combine(_dir, "docs.parquet"));
        using var reader = ParquetFileReader.Open(_input);
        _specs = reader.Schema.Fields.Select(x => new ParquetColumnSpec(x.Name,
            x.Element.Type == PhysicalType.Int64 ? ParquetColumnType.Int64 : ParquetColumnType.String)).ToList();
        _rows = reader.ReadRows().ToList();
    }

    private static string Synthesize(string path)
    {
        var words = "the of and to in is was for on that with as by at from data model text corpus token quality filter".Split(' ');
        var rng = new Random(42);
        using var w = ParquetFileWriter.Create(path, [new("id", ParquetColumnType.Int64), new("text", ParquetColumnType.String), new("domain", ParquetColumnType.String)]);
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            sb.Clear();
            var n = 100 + rng.Next(600);
            for (var k = 0; k < n; k++) sb.Append(words[rng.Next(words.Length)]).Append(k % 17 == 16 ? ".\n" : " ");
            w.WriteRowValues((long)i, sb.ToString(), "domain-" + (i % 25));
        }
        w.Complete();
        return path;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true)]
    public long ReadTextBytes()
    {
        using var reader = ParquetFileReader.Open(_input);
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
    }

    [Benchmark]
    public long ReadTextStrings()
    {
        using var reader = ParquetFileReader.Open(_input);
        long chars = 0;
        foreach (var row in reader.ReadRows(["text"])) chars += ((string?)row[0])?.Length ?? 0;
        return chars;
    }

    [Benchmark]
    public long WriteZstd() => Write(CompressionCodec.Zstd);

    [Benchmark]
    public long WriteSnappy() => Write(CompressionCodec.Snappy);

    private long Write(CompressionCodec codec)
    {
        var path = Path.Combine(_dir, $"out-{codec}.parquet");
        using (var w = ParquetFileWriter.Create(path, _specs, new ParquetWriterOptions { Compression = codec }))
        {
            foreach (var row in _rows) w.WriteRow(row);
            w.Complete();
        }
        return new FileInfo(path).Length;
    }
}
