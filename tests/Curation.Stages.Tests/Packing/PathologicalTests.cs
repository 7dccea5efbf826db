using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>Done-when 3: an empty document, a 10-million-token document and a 200k vocabulary give valid files.</summary>
public class PathologicalTests
{
    private const int Huge = 10_000_000;

    /// <summary>A token file with an empty document, a 10M-token one (synthetic ids up to 199,999) and a short one.</summary>
    private static (TokenRecordReader Reader, List<SelectedDocument> Docs) HugeInput(TempDir t)
    {
        var path = t.File("x.tok");
        using (var w = new TokenRecordWriter(path))
        {
            w.Write(DataSplit.Train, "d", "empty", 1, 0, []);
            w.Write(DataSplit.Train, "d", "huge", 2, Huge * 4L, Enumerable.Range(0, Huge).Select(i => (int)(i * 7919L % 200_000)).ToArray());
            w.Write(DataSplit.Train, "d", "short", 3, 10, [5, 6, 7]);
        }
        var reader = new TokenRecordReader([path]);
        return (reader, reader.Scan().Select(r => new SelectedDocument(r, r.Count)).ToList());
    }

    [Theory]
    [InlineData(PackingMode.None, ShardFormat.Megatron)]
    [InlineData(PackingMode.Concat, ShardFormat.Nanotron)]
    [InlineData(PackingMode.Bfd, ShardFormat.Llmc)]
    [InlineData(PackingMode.Bfd, ShardFormat.Npy)]
    public void TenMillionTokenDocument_WithA200kVocabulary_WritesValidFiles(PackingMode mode, ShardFormat format)
    {
        using var t = new TempDir();
        var (reader, docs) = HugeInput(t);
        using (reader)
        {
            var packer = new SequencePacker(reader, mode, 4095, padId: 0);
            var prefix = t.File("out");
            using (var writer = ShardWriters.Create(format, prefix, 200_019, "o200k_base", lossMask: false))
            {
                foreach (var s in packer.Pack(docs)) writer.Add(s.Tokens);
                writer.Complete();
            }
            var flat = format switch
            {
                ShardFormat.Megatron => SpecReaders.Megatron(prefix, 4).SelectMany(r => r).ToArray(),
                ShardFormat.Nanotron => SpecReaders.Nanotron(prefix + ".ds", 4).Records.SelectMany(r => r).ToArray(),
                ShardFormat.Npy => SpecReaders.Npy(prefix + ".npy").Values,
                _ => SpecReaders.Llmc(prefix + ".bin", 4),
            };
            var huge = Enumerable.Range(0, Huge).Select(i => (int)(i * 7919L % 200_000)).ToArray();
            switch (mode)
            {
                case PackingMode.None:
                    Assert.Equal([.. huge, 5, 6, 7], flat);
                    break;
                case PackingMode.Concat:
                    var whole = (Huge + 3) / 4096 * 4096;
                    int[] stream = [.. huge, 5, 6, 7];
                    Assert.Equal(stream[..whole], flat);
                    break;
                default:
                    // 2441 full sequences of the huge document, then its remainder and the short document share a bin.
                    Assert.Equal(huge[..(Huge / 4096 * 4096)], flat[..(Huge / 4096 * 4096)]);
                    Assert.Equal((Huge / 4096 + 1) * 4096, flat.Length);
                    Assert.Equal(1, packer.Counters.SplitDocuments);
                    break;
            }
        }
    }

    [Fact]
    public async Task O200kVocabulary_ThroughThePipeline_IsInt32InMegatron()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>> { ["d"] = [("a", "naïve café — 東京 🚀"), ("b", "")] });
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), """
            tokenizer: o200k_base
            format: megatron
            packing: none
            shuffle: false
            validation_fraction: 0
            """));
        var tok = TokenizerCache.Get("o200k_base");
        var records = SpecReaders.Megatron(PackRuns.Shard(dir, "train"), 4);
        Assert.Equal([[.. tok.EncodeToIds("naïve café — 東京 🚀"), tok.EosId!.Value], [tok.EosId!.Value]], records);
        Assert.Equal("int32", PackRuns.Manifest(dir).Dtype);
        Assert.Equal(tok.VocabularySize, PackRuns.Manifest(dir).Tokenizer.VocabSize);
    }

    [Fact]
    public void DamagedTokenFile_NamesTheFileAndOffset()
    {
        using var t = new TempDir();
        var path = t.File("x.tok");
        using (var w = new TokenRecordWriter(path)) w.Write(DataSplit.Train, "d", "a", 1, 3, [1, 2, 3]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        using var r = new TokenRecordReader([path]);
        var e = Assert.Throws<InvalidDataException>(() => r.Scan().ToList());
        Assert.Contains(path, e.Message);
        Assert.Contains("at byte 8", e.Message);
    }

    [Fact]
    public async Task MalformedInputLines_AreQuarantined_AndTheRestIsPacked()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t.File("in"));
        File.WriteAllText(t.File("in", "d.jsonl"), "{\"id\": \"a\", \"text\": \"one two\"}\n{not json\n{\"id\": \"b\", \"text\": \"three\"}\n");
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), """
            tokenizer: gpt2
            format: megatron
            packing: none
            shuffle: false
            validation_fraction: 0
            """));
        var tok = TokenizerCache.Get("gpt2");
        Assert.Equal([[.. tok.EncodeToIds("one two"), 50256], [.. tok.EncodeToIds("three"), 50256]], SpecReaders.Megatron(PackRuns.Shard(dir, "train"), 2));
        var quarantined = File.ReadAllLines(Path.Combine(dir.Root, "quarantine", "pack.tokenize", "00000.jsonl"));
        Assert.Single(quarantined);
        Assert.Contains("{not json", quarantined[0]);
    }
}
