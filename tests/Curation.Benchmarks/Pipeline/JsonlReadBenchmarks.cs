using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stats;

namespace Curation.Benchmarks.Pipeline;

/// <summary>JSONL.gz read + parse into documents, and JSONL.gz write, on a synthetic 20 MB shard.</summary>
[MemoryDiagnoser]
public class JsonlReadBenchmarks
{
    private string _dir = "";
    private string _file = "";
    private List<Document> _docs = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "curation-bench-jsonl");
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "in.jsonl.gz");
        var rnd = new Random(1);
        using (var w = new StreamWriter(new GZipStream(File.Create(_file), CompressionLevel.Optimal)))
        {
            for (var i = 0; i < 40_000; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, rnd.Next(20, 180)).Select(_ => "word" + rnd.Next(20000)));
                w.WriteLine(JsonSerializer.Serialize(new { id = $"doc-{i}", text, metadata = new { domain = "bench", score = rnd.NextDouble() } }));
            }
        }
        _docs = Read().ToList();
    }

    private IEnumerable<Document> Read() =>
        new JsonlFileReader().Read(_file, new ReadOptions(), new InputStats(), new NoQuarantine(), CancellationToken.None);

    [Benchmark(Baseline = true)]
    public long ReadParse()
    {
        long n = 0;
        foreach (var d in Read()) n += d.Text.Length;
        return n;
    }

    [Benchmark]
    public long WriteGzip()
    {
        using var w = new JsonlDocumentWriter(_ => Path.Combine(_dir, "out.jsonl.gz"), Curation.Formats.Compression.CompressionKind.Gzip);
        foreach (var d in _docs) w.Write(d);
        return w.Complete()[0].Bytes;
    }

    private sealed class NoQuarantine : IQuarantine
    {
        public void Add(MalformedRecord record) { }
    }

    /// <summary>
    /// Side-by-side mode for tests/bench/jsonl/vs_python.sh: reads FILE once, parsing every record into a document,
    /// and prints documents, CPU seconds and MB/s of decompressed JSON per CPU-second.
    /// </summary>
    public static int ReadFile(string path)
    {
        var stats = new InputStats();
        var reader = new JsonlFileReader();
        // warm-up pass on the first records so the JIT is not measured
        foreach (var _ in reader.Read(path, new ReadOptions(), new InputStats(), new NoQuarantine(), CancellationToken.None).Take(2000)) { }
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        long docs = 0, chars = 0;
        foreach (var d in reader.Read(path, new ReadOptions(), stats, new NoQuarantine(), CancellationToken.None))
        {
            docs++;
            chars += d.Text.Length + d.Metadata.Count;
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"curation docs={docs} bytes={stats.Bytes} cpu_s={cpu:F3} wall_s={sw.Elapsed.TotalSeconds:F3} MB_per_cpu_s={stats.Bytes / 1e6 / cpu:F1}"));
        return 0;
    }
}
