using System.Text;
using BenchmarkDotNet.Attributes;
using Curation.Dedup;
using Curation.Dedup.Hashing;
using Curation.Dedup.MinHash;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;
using Curation.Dedup.Text;

namespace Curation.Benchmarks.Dedup;

/// <summary>
/// Hot paths of the MinHash signature step on 1,000 synthetic 150-word documents (the corpus median):
/// simplification alone, XXH64 of the shingles, the full signature (baseline), and step 1 with files.
/// The side-by-side run against a datatrove-style peer is tests/bench/dedup/signature_throughput.sh.
/// </summary>
[MemoryDiagnoser]
public class MinHashBenchmarks
{
    private readonly MinHasher _hasher = new(new MinHashOptions());
    private readonly ulong[] _signature = new ulong[112];
    private List<DedupDocument> _docs = [];
    private string _dir = "";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        string[] vocabulary = Enumerable.Range(0, 5000).Select(i => $"Word{i}").ToArray();
        _docs = Enumerable.Range(0, 1000).Select(d =>
        {
            var sb = new StringBuilder();
            for (int w = 0; w < 150; w++) sb.Append(vocabulary[rng.Next(vocabulary.Length)]).Append(w % 12 == 11 ? ". " : " ");
            return new DedupDocument($"doc{d:D5}", sb.ToString());
        }).ToList();
        _dir = Path.Combine(Path.GetTempPath(), $"minhash-bench-{Environment.ProcessId}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public int Simplify()
    {
        int total = 0;
        foreach (var d in _docs) total += TextSimplifier.Simplify(d.Text).Length;
        return total;
    }

    [Benchmark]
    public ulong HashWholeTexts()
    {
        ulong x = 0;
        foreach (var d in _docs) x ^= XxHash64.HashUtf8(d.Text);
        return x;
    }

    [Benchmark(Baseline = true)]
    public ulong Signatures()
    {
        ulong x = 0;
        foreach (var d in _docs)
            if (_hasher.TryCompute(d.Text, _signature)) x ^= _signature[0];
        return x;
    }

    [Benchmark]
    public int SignatureStepWithFiles() => new SignatureStep(_hasher).Run(0, _docs, _dir).Documents;

    [Benchmark]
    public long ExternalSortTinyBudget()
    {
        var rng = new Random(1);
        using var sorter = new ExternalSorter<BandRecord>(Path.Combine(_dir, "spill"), 64 << 10);
        for (int i = 0; i < 100_000; i++) sorter.Add(new BandRecord((ulong)rng.NextInt64(), 0, (uint)i));
        return sorter.Complete(Path.Combine(_dir, "sorted.bin"));
    }
}
