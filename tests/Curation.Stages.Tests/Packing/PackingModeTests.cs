using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>Concat and best-fit packing through the real steps, read back with the spec readers and the boundaries sidecar.</summary>
public class PackingModeTests
{
    private static Dictionary<string, IReadOnlyList<(string Id, string Text)>> Corpus() => new()
    {
        ["short"] = PackRuns.Documents("short", 60, 40),
        ["long"] = PackRuns.Documents("long", 8, 400),
    };

    private static async Task<(List<int[]> Train, List<int[]> Bounds, PackManifest Manifest, List<int[]> Docs)> Pack(TempDir t, string packing, bool shuffle, string format = "megatron")
    {
        var corpus = Corpus();
        PackRuns.WriteCorpus(t.File("in"), corpus);
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), $"""
            tokenizer: gpt2
            format: {format}
            seq_len: 127
            packing: {packing}
            shuffle: {(shuffle ? "true" : "false")}
            validation_fraction: 0
            loss_mask: {(format == "nanotron" ? "true" : "false")}
            """));
        var tok = TokenizerCache.Get("gpt2");
        var docs = corpus.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value)
            .Select(d => (int[])[.. tok.EncodeToIds(d.Text), tok.EosId!.Value]).ToList();
        var prefix = PackRuns.Shard(dir, "train");
        var records = format == "nanotron" ? SpecReaders.Nanotron(prefix + ".ds", 2).Records : SpecReaders.Megatron(prefix, 2);
        return (records, SpecReaders.Boundaries(prefix), PackRuns.Manifest(dir), docs);
    }

    [Fact]
    public async Task Concat_WithoutShuffle_IsTheDocumentStreamCutIntoSeqLenPlusOne()
    {
        using var t = new TempDir();
        var (train, bounds, m, docs) = await Pack(t, "concat", shuffle: false);
        var stream = docs.SelectMany(d => d).ToArray();
        Assert.All(train, r => Assert.Equal(128, r.Length));
        Assert.Equal(stream.Length / 128, train.Count);
        Assert.Equal(stream[..(train.Count * 128)], train.SelectMany(r => r).ToArray());
        Assert.Equal(stream.Length % 128, m.Splits["train"].DroppedTokens);
        // Boundaries: a segment starts at 0 and after every EOS that is not the sequence's last token.
        for (var i = 0; i < train.Count; i++)
        {
            var expected = new List<int> { 0 };
            for (var k = 0; k < 127; k++) if (train[i][k] == 50256) expected.Add(k + 1);
            expected.Add(128);
            Assert.Equal(expected, bounds[i]);
        }
    }

    [Fact]
    public async Task BestFit_KeepsEveryShortDocumentWhole_AndPadsWithMaskedEos()
    {
        using var t = new TempDir();
        var (train, bounds, m, docs) = await Pack(t, "bfd", shuffle: true, format: "nanotron");
        Assert.All(train, r => Assert.Equal(128, r.Length));
        var segments = new List<int[]>();
        for (var i = 0; i < train.Count; i++)
        {
            var b = bounds[i];
            for (var k = 0; k + 1 < b.Length; k++) segments.Add(train[i][b[k]..b[k + 1]]);
            Assert.All(train[i][b[^1]..], id => Assert.Equal(50256, id));
        }
        static string Key(int[] a) => string.Join(',', a);
        var shortDocs = docs.Where(d => d.Length <= 128).Select(Key).Order(StringComparer.Ordinal).ToList();
        var longDocs = docs.Where(d => d.Length > 128).ToList();
        Assert.NotEmpty(longDocs);
        // Every document that fits a sequence is one segment, uncut; long documents are full sequences plus a remainder.
        var segmentKeys = segments.Select(Key).ToList();
        foreach (var d in shortDocs) Assert.Contains(d, segmentKeys);
        Assert.Equal(docs.Sum(d => (long)d.Length), segments.Sum(s => (long)s.Length));
        Assert.Equal(longDocs.Count, m.Splits["train"].SplitDocuments);
        Assert.Equal(train.Count * 128L - docs.Sum(d => (long)d.Length), m.Splits["train"].PaddingTokens);
        // Fewer truncations: the bin count is close to the lower bound.
        Assert.True(train.Count <= Math.Ceiling(docs.Sum(d => (double)d.Length) / 128) * 1.1 + 1);
        var loss = SpecReaders.Nanotron(PackRuns.Shard(new Curation.Pipeline.Execution.RunDirectory(t.File("run")), "train") + ".ds", 2).Loss!;
        for (var i = 0; i < train.Count; i++)
            Assert.Equal(Enumerable.Range(0, 128).Select(k => k < bounds[i][^1]), loss[i]);
    }

    [Fact]
    public async Task Shuffle_PermutesRecordsWithoutChangingThem()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var (plain, _, _, _) = await Pack(a, "none", shuffle: false);
        var (shuffled, _, _, _) = await Pack(b, "none", shuffle: true);
        static string Key(int[] x) => string.Join(',', x);
        Assert.NotEqual(plain.Select(Key), shuffled.Select(Key));
        Assert.Equal(plain.Select(Key).Order(StringComparer.Ordinal), shuffled.Select(Key).Order(StringComparer.Ordinal));
    }
}
