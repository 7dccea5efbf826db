using System.Diagnostics;
using System.IO.Compression;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Benchmarks.Pipeline;

/// <summary>
/// <c>jsonl-parse FILE</c>: record parsing alone, without inflate or line splitting. FILE (JSONL, or JSONL.gz
/// decompressed up front) is held in memory and split once; then every line is parsed into a document by the reference
/// parser and by the fast scanner (with fallback), each timed over several passes, printing MB/s of JSONL and CPU-s.
/// </summary>
public static class JsonlParseBenchmarks
{
    public static int ParseFile(string path, int passes = 5)
    {
        var data = Load(path);
        var lines = SplitLines(data);
        Console.WriteLine(FormattableString.Invariant($"input bytes={data.Length} lines={lines.Count}"));
        // The first pass of each also warms the JIT (tiered PGO): the best pass is reported.
        Measure("reference", data, lines, passes, (p, line, id, src) => p.TryParseReference(line, id, src, out var d, out _, out _) ? d : null);
        Measure("fast", data, lines, passes, (p, line, id, src) => p.TryParse(line, id, src, out var d, out _, out _) ? d : null);
        return 0;
    }

    private delegate Document? ParseLine(JsonlRecordParser parser, ReadOnlySpan<byte> line, string fallbackId, SourceRef source);

    private static void Measure(string name, byte[] data, List<(int Start, int Length)> lines, int passes, ParseLine parse)
    {
        var best = double.MaxValue;
        var bestWall = 0.0;
        long docs = 0, chars = 0, fastRecords = 0;
        // Large texts are large-object-heap strings, whose collections can cost more than the parsing: shown per pass.
        var gen2Before = GC.CollectionCount(2);
        for (var pass = 0; pass < passes; pass++)
        {
            var parser = new JsonlRecordParser();
            var source = new SourceRef("bench.jsonl", 0);
            docs = chars = 0;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var (start, length) in lines)
            {
                var d = parse(parser, data.AsSpan(start, length), "bench.jsonl/0", source);
                if (d is null) continue;
                docs++;
                chars += d.Text.Length + d.Metadata.Count;
            }
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            if (cpu < best)
            {
                best = cpu;
                bestWall = sw.Elapsed.TotalSeconds;
            }
            fastRecords = parser.FastPathRecords;
        }
        var gen2PerPass = (GC.CollectionCount(2) - gen2Before) / (double)passes;
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-9} docs={docs} fast_path={fastRecords} chars={chars} cpu_s={best:F3} wall_s={bestWall:F3} MB_per_cpu_s={data.Length / 1e6 / best:F0} gen2_per_pass={gen2PerPass:F1}"));
    }

    private static byte[] Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static List<(int Start, int Length)> SplitLines(byte[] data)
    {
        var lines = new List<(int, int)>();
        var span = data.AsSpan();
        var start = 0;
        while (start < data.Length)
        {
            var nl = span[start..].IndexOf((byte)'\n');
            var len = nl < 0 ? data.Length - start : nl;
            if (len > 0) lines.Add((start, len));
            start += len + 1;
        }
        return lines;
    }
}
