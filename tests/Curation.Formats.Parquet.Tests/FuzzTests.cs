using System.Diagnostics;
using Curation.Formats.Parquet.Json;

namespace Curation.Formats.Parquet.Tests;

/// <summary>
/// Random truncations and byte flips over the fixtures of every writer: each read ends in success or a
/// clean error (corruption or unsupported feature), never a crash, a hang or a runaway allocation.
/// </summary>
public class FuzzTests
{
    private const int MutationsPerFile = 150;
    private const long MaxAllocationPerRead = 256L << 20;

    [Theory]
    [InlineData("duckdb_zstd", 1)]
    [InlineData("duckdb_zstd_v2", 2)]
    [InlineData("duckdb_none", 3)]
    [InlineData("pwasm_snappy", 4)]
    [InlineData("pwasm_delta", 5)]
    [InlineData("pwasm_lz4", 6)]
    [InlineData("hypw_gzip", 7)]
    [InlineData("hypw_none", 8)]
    public void ReadAll_MutatedFixture_CleanErrorOrSuccess(string tag, int seed)
    {
        var original = File.ReadAllBytes(Fixtures.File(tag));
        var rng = new Random(seed);
        var dir = Directory.CreateTempSubdirectory("curation-pq-fuzz");
        try
        {
            var path = Path.Combine(dir.FullName, tag + ".parquet");
            var clean = 0;
            for (var m = 0; m < MutationsPerFile; m++)
            {
                var bytes = Mutate(original, rng, out var what);
                File.WriteAllBytes(path, bytes);
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                try
                {
                    ParquetJson.WriteJsonLines(path, Stream.Null);
                    clean++;
                }
                catch (CorruptDataException e) { Assert.Contains(path, e.Message); }
                catch (NotSupportedException) { }
                catch (Exception e) { Assert.Fail($"{tag} mutation {m} ({what}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}"); }
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated < MaxAllocationPerRead, $"{tag} mutation {m} ({what}) allocated {allocated >> 20} MiB");
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"{tag} mutation {m} ({what}) took {sw.Elapsed}");
            }
            Assert.True(clean < MutationsPerFile, "some mutations must be detected");
        }
        finally { dir.Delete(recursive: true); }
    }

    private static byte[] Mutate(byte[] original, Random rng, out string what)
    {
        switch (rng.Next(3))
        {
            case 0:
            {
                var len = rng.Next(original.Length);
                what = $"truncate to {len}";
                return original[..len];
            }
            case 1:
            {
                // Flips near the footer hit metadata; flips elsewhere hit pages.
                var bytes = (byte[])original.Clone();
                var n = 1 + rng.Next(4);
                var at = new List<int>();
                for (var k = 0; k < n; k++)
                {
                    var pos = rng.Next(2) == 0 ? rng.Next(bytes.Length) : Math.Max(0, bytes.Length - 1 - rng.Next(Math.Min(bytes.Length, 2000)));
                    bytes[pos] ^= (byte)(1 + rng.Next(255));
                    at.Add(pos);
                }
                what = "flip at " + string.Join(",", at);
                return bytes;
            }
            default:
            {
                var bytes = (byte[])original.Clone();
                var pos = rng.Next(bytes.Length - 8);
                var value = rng.Next(4) switch { 0 => 0xFF, 1 => 0x7F, 2 => 0x80, _ => 0 };
                for (var k = 0; k < 4; k++) bytes[pos + k] = (byte)value;
                what = $"smear {value:X2} at {pos}";
                return bytes;
            }
        }
    }
}
