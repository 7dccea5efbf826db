using System.Text.Json;
using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>
/// Done-when 1 with a reader outside .NET: read_shards.py (numpy, from the format specifications; installed by
/// tests/setup/packing.sh) reads every format back and must see exactly each document's tokens in order.
/// </summary>
public class NumpyReaderTests
{
    [Theory]
    [InlineData("megatron", "gpt2")]
    [InlineData("megatron", "o200k_base")]
    [InlineData("nanotron", "cl100k_base")]
    [InlineData("npy", "gpt2")]
    [InlineData("llmc", "o200k_base")]
    public async Task NumpyReader_RecoversEveryDocument(string format, string tokenizer)
    {
        using var t = new TempDir();
        var docs = PackRuns.Documents("web", 30, 120);
        docs.Insert(3, ("web/empty", ""));
        PackRuns.WriteCorpus(t.File("in"), new Dictionary<string, IReadOnlyList<(string, string)>> { ["web"] = docs });
        var dir = await PackRuns.Run(PackRuns.Config(t.File("in", "*.jsonl"), t.File("run"), $"""
            tokenizer: {tokenizer}
            format: {format}
            packing: none
            shuffle: false
            validation_fraction: 0
            """));
        var script = Path.Combine(RepoPaths.Root, "tests", "Curation.Stages.Tests", "Packing", "read_shards.py");
        var res = ProcessRunner.Run("/usr/bin/python3", [script, format, PackRuns.Shard(dir, "train")]).EnsureSuccess();
        using var json = JsonDocument.Parse(res.StdOut);
        var records = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToList();
        var tok = TokenizerCache.Get(tokenizer);
        var expected = docs.Select(d => (int[])[.. tok.EncodeToIds(d.Text), tok.EosId!.Value]).ToList();
        Assert.Equal(expected, records);
    }
}
