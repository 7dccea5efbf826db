using Curation.Stages.Packing;
using Curation.Testing;
using Curation.Tokenizers;

namespace Curation.Stages.Tests.Packing;

/// <summary>Done-when 1: every format, read back by a spec reader, gives exactly each document's tokens in order.</summary>
public class FormatRoundTripTests
{
    private static Dictionary<string, IReadOnlyList<(string Id, string Text)>> Corpus() => new()
    {
        ["alpha"] = PackRuns.Documents("alpha", 40, 60),
        ["beta"] = PackRuns.Documents("beta", 25, 200),
        ["gamma"] = [("gamma/empty", ""), .. PackRuns.Documents("gamma", 10, 30)],
    };

    /// <summary>What the training split must hold with natural weights, cap 1 and no shuffle: domains in order, documents in input order.</summary>
    private static List<(string Id, int[] Tokens)> Expected(Tokenizer tok, Dictionary<string, IReadOnlyList<(string Id, string Text)>> corpus)
    {
        var split = new SplitAssigner(0.1, 0);
        return corpus.OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value)
            .Where(d => split.Assign(d.Id) == DataSplit.Train)
            .Select(d => (d.Id, (int[])[.. tok.EncodeToIds(d.Text), tok.EosId!.Value])).ToList();
    }

    [Theory]
    [InlineData("megatron", "gpt2", 2)]
    [InlineData("megatron", "cl100k_base", 4)]
    [InlineData("nanotron", "gpt2", 2)]
    [InlineData("nanotron", "o200k_base", 4)]
    [InlineData("npy", "cl100k_base", 4)]
    [InlineData("llmc", "gpt2", 2)]
    public async Task WholeDocuments_AreRecoveredExactlyInOrder(string format, string tokenizer, int itemSize)
    {
        using var t = new TempDir();
        var corpus = Corpus();
        PackRuns.WriteCorpus(t.File("in"), corpus);
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), $"""
            tokenizer: {tokenizer}
            format: {format}
            packing: none
            shuffle: false
            validation_fraction: 0.1
            """));
        var expected = Expected(TokenizerCache.Get(tokenizer), corpus);
        var prefix = PackRuns.Shard(dir, "train");
        var bounds = SpecReaders.Boundaries(prefix);
        List<int[]> records = format switch
        {
            "megatron" => SpecReaders.Megatron(prefix, itemSize),
            "nanotron" => SpecReaders.Nanotron(prefix + ".ds", itemSize).Records,
            "npy" => SpecReaders.SplitFlat(SpecReaders.Npy(prefix + ".npy").Values, bounds.Select(b => b[^1]).ToList()),
            _ => SpecReaders.SplitFlat(SpecReaders.Llmc(prefix + ".bin", itemSize), bounds.Select(b => b[^1]).ToList()),
        };
        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Tokens.AsSpan().SequenceEqual(records[i]),
                $"record {i} ({expected[i].Id}): expected '{TokenizerCache.Get(tokenizer).Decode(expected[i].Tokens)}', got '{TokenizerCache.Get(tokenizer).Decode(records[i])}'");
            Assert.Equal([0, expected[i].Tokens.Length], bounds[i]);
        }
        if (format == "npy")
        {
            var csv = SpecReaders.NpyCsv(prefix + ".csv");
            Assert.Equal(expected.Select(e => e.Id), csv.Select(r => r.Id));
            Assert.Equal(expected.Sum(e => (long)e.Tokens.Length), csv[^1].End);
        }
        var m = PackRuns.Manifest(dir);
        Assert.Equal(tokenizer, m.Tokenizer.Name);
        Assert.Equal(TokenizerCache.Get(tokenizer).DefinitionHash, m.Tokenizer.DefinitionHash);
        Assert.Equal(expected.Count, m.Splits["train"].Documents);
        Assert.Equal(expected.Sum(e => (long)e.Tokens.Length), m.Splits["train"].Tokens);
        Assert.Equal(itemSize == 2 ? "uint16" : format == "megatron" ? "int32" : "uint32", m.Dtype);
        Assert.True(m.Splits.ContainsKey("validation"));
    }

    [Fact]
    public async Task EmptyDocumentWithoutEos_IsAZeroLengthRecordInEveryIndex()
    {
        using var t = new TempDir();
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>> { ["d"] = [("a", "hello world"), ("b", ""), ("c", "bye")] });
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), """
            tokenizer: gpt2
            format: megatron
            packing: none
            eos: false
            shuffle: false
            validation_fraction: 0
            """));
        var records = SpecReaders.Megatron(PackRuns.Shard(dir, "train"), 2);
        var tok = TokenizerCache.Get("gpt2");
        Assert.Equal([tok.EncodeToIds("hello world"), [], tok.EncodeToIds("bye")], records);
    }
}
