using System.Diagnostics;
using Curation.Formats.Compression;

namespace Curation.Benchmarks.Formats;

/// <summary>
/// <c>gzip-read FILE</c>: inflate throughput of <see cref="CompressedFile.OpenRead"/> with each gzip backend
/// (ISA-L, then zlib-ng forced through <c>CURATION_GZIP=zlib</c>), reading into one reusable buffer as
/// LineReader does. Prints CPU-seconds and MB/s (decompressed bytes per CPU-second) of the best of three runs.
/// </summary>
public static class GzipReadBenchmark
{
    private const int Runs = 3;

    public static int Run(string path)
    {
        var buffer = new byte[1 << 20];
        var saved = Environment.GetEnvironmentVariable(GzipReader.BackendVariable);
        try
        {
            if (!GzipReader.IsalAvailable) Console.WriteLine("isal unavailable: " + GzipReader.IsalUnavailableReason);
            foreach (var (name, variable) in new[] { ("isal", (string?)null), ("zlib-ng", "zlib") })
            {
                Environment.SetEnvironmentVariable(GzipReader.BackendVariable, variable);
                var backend = GzipReader.ActiveBackend;
                ReadAll(path, buffer, maxBytes: 4 << 20); // JIT and page cache, not measured
                var best = double.MaxValue;
                long bytes = 0;
                for (var r = 0; r < Runs; r++)
                {
                    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    bytes = ReadAll(path, buffer, long.MaxValue);
                    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
                    Console.WriteLine(FormattableString.Invariant($"  {name} run {r + 1}: cpu_s={cpu:F3} wall_s={sw.Elapsed.TotalSeconds:F3}"));
                    best = Math.Min(best, cpu);
                }
                Console.WriteLine(FormattableString.Invariant(
                    $"{name} backend={backend} bytes={bytes} cpu_s={best:F3} MB_per_cpu_s={bytes / 1e6 / best:F1} compressed_MB_per_cpu_s={new FileInfo(path).Length / 1e6 / best:F1}"));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(GzipReader.BackendVariable, saved);
        }
        return 0;
    }

    private static long ReadAll(string path, byte[] buffer, long maxBytes)
    {
        using var s = CompressedFile.OpenRead(path);
        long total = 0;
        int n;
        while (total < maxBytes && (n = s.Read(buffer, 0, buffer.Length)) > 0) total += n;
        return total;
    }
}
