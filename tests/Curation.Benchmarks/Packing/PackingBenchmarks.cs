using BenchmarkDotNet.Attributes;
using Curation.Formats.TokenShards;
using Curation.Stages.Packing;

namespace Curation.Benchmarks.Packing;

/// <summary>
/// The pack write path on 2M synthetic tokens (4,000 documents of 1–1,000 tokens, a 200k vocabulary): best-fit
/// bin assignment, concat and best-fit packing from an intermediate token file, the external shuffle through a
/// 4 MB buffer, and a Megatron write. The end-to-end run on the real corpus against the tokenizer's own speed is
/// tests/bench/packing/bench.sh.
/// </summary>
[MemoryDiagnoser]
public class PackingBenchmarks
{
    private string _dir = "";
    private TokenRecordReader _reader = null!;
    private List<SelectedDocument> _docs = [];
    private int[] _lengths = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("packbench").FullName;
        var rng = new SplitMixRandom(3);
        var path = Path.Combine(_dir, "x.tok");
        using (var w = new TokenRecordWriter(path))
        {
            for (var i = 0; i < 4000; i++)
            {
                var n = 1 + rng.Next(1000);
                var ids = new int[n];
                for (var k = 0; k < n; k++) ids[k] = rng.Next(200_000);
                w.Write(DataSplit.Train, "d" + (i % 7), "doc" + i, (ulong)i, n * 4L, ids);
            }
        }
        _reader = new TokenRecordReader([path]);
        _docs = _reader.Scan().Select(r => new SelectedDocument(r, r.Count)).ToList();
        _lengths = _docs.Select(d => d.Tokens).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _reader.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public int BestFitAssign() => BestFitBins.Assign(_lengths, 2049).Count;

    [Benchmark]
    public long ConcatPack() => new SequencePacker(_reader, PackingMode.Concat, 2048, 0).Pack(_docs).Sum(s => (long)s.Tokens.Count);

    [Benchmark]
    public long BestFitPack() => new SequencePacker(_reader, PackingMode.Bfd, 2048, 0).Pack(_docs).Sum(s => (long)s.Tokens.Count);

    [Benchmark]
    public long ShuffleThroughBuckets()
    {
        var scratch = Path.Combine(_dir, "shuffle");
        var sequences = new SequencePacker(_reader, PackingMode.Concat, 2048, 0).Pack(_docs);
        return new ExternalShuffler(scratch, 4 << 20, 1).Shuffle(sequences, 8 << 20).Sum(s => (long)s.Tokens.Count);
    }

    [Benchmark]
    public long WriteMegatron()
    {
        using var w = new MegatronIndexedWriter(Path.Combine(_dir, "out"), 200_019);
        foreach (var s in new SequencePacker(_reader, PackingMode.Concat, 2048, 0).Pack(_docs)) w.Add(s.Tokens);
        w.Complete();
        return w.Tokens;
    }
}
