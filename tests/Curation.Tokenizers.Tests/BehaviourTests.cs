using System.Text;
using Curation.Testing;

namespace Curation.Tokenizers.Tests;

public class BehaviourTests
{
    [Fact]
    public void Utf8AndCharInputsAgreeAndCountMatches()
    {
        var tok = Tokenizer.FromName("o200k_base");
        foreach (var text in TestTexts.Tricky(200))
        {
            var ids = tok.EncodeToIds(text);
            Assert.Equal(ids, tok.EncodeToIds(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(ids.Length, tok.CountTokens(text));
            Assert.Equal(ids.Length, tok.CountTokens(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void BatchEncodingOnTwoThreadsEqualsSequential()
    {
        var tok = Tokenizer.FromName("cl100k_base");
        var texts = TestTexts.Tricky(400).Concat(TestTexts.Paragraphs(300)).ToList();
        var batch = tok.EncodeBatch(texts, 2);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(tok.EncodeToIds(texts[i]), batch[i]);
    }

    [Fact]
    public void PathologicalInputIsExactAndLinear()
    {
        // 100k repeats of one character and a long line without whitespace; HF tokenizers is the oracle (tiktoken is quadratic here).
        var file = RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json");
        var texts = new List<string> { new('a', 100_000), new('1', 100_000), new('!', 50_000), string.Concat(Enumerable.Repeat("xY7_", 50_000)) };
        var hf = Oracle.HuggingFace(file, texts);
        var viaJson = Tokenizer.FromFile(file);
        var tiktoken = Tokenizer.FromName("gpt2");
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(hf[i], viaJson.EncodeToIds(texts[i]));
            Assert.Equal(hf[i], tiktoken.EncodeToIds(texts[i]));
        }
        var big = new string('q', 10_000_000);
        var ids = Tokenizer.FromName("cl100k_base").EncodeToIds(big);
        Assert.Equal(big, Tokenizer.FromName("cl100k_base").Decode(ids));
    }

    [Fact]
    public void DecodeRoundTripsAndRejectsUnknownIds()
    {
        var tok = Tokenizer.FromName("cl100k_base");
        foreach (var text in TestTexts.Tricky(300)) Assert.Equal(text, tok.Decode(tok.EncodeToIds(text)));
        Assert.Equal("<|endoftext|>", tok.Decode([100257]));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tok.Decode([100256]));
        Assert.Contains("100256", e.Message);
        Assert.Equal(100277, tok.VocabularySize);
        Assert.Equal(100257, tok.EosId);
        Assert.Null(tok.BosId);
    }

    [Fact]
    public void ArbitraryBytesRoundTrip()
    {
        // Invalid UTF-8 is still encoded byte for byte and decodes back exactly.
        var rng = new Random(1);
        foreach (var name in new[] { "cl100k_base", "o200k_base", "gpt2" })
        {
            var tok = Tokenizer.FromName(name);
            for (var i = 0; i < 200; i++)
            {
                var bytes = new byte[rng.Next(0, 300)];
                rng.NextBytes(bytes);
                var ids = tok.EncodeToIds(bytes);
                Assert.Equal(bytes, tok.DecodeToBytes(ids));
                Assert.Equal(ids, tok.EncodeBatch([new ReadOnlyMemory<byte>(bytes)], 1)[0]);
            }
        }
    }

    [Fact]
    public void DefinitionHashIdentifiesTheDefinition()
    {
        Assert.Equal(Tokenizer.FromName("gpt2").DefinitionHash, Tokenizer.FromName("r50k_base").DefinitionHash);
        Assert.NotEqual(Tokenizer.FromName("cl100k_base").DefinitionHash, Tokenizer.FromName("o200k_base").DefinitionHash);
        Assert.Equal(64, Tokenizer.FromName("cl100k_base").DefinitionHash.Length);
        var a = Tokenizer.FromFile(RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json")).DefinitionHash;
        Assert.Equal(a, Tokenizer.FromFile(RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json")).DefinitionHash);
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.NotEqual(a, Tokenizer.FromName("gpt2").DefinitionHash); // merges-based vs rank-based definitions
    }

    [Fact]
    public void DamagedDefinitionsFailWithTheirLocation()
    {
        using var dir = new TempDir("bad");
        var bad = dir.File("bad.tiktoken");
        File.WriteAllText(bad, "IQ== 0\nIg== 1\nnot-base64!! 2\n");
        var e = Assert.Throws<TokenizerFormatException>(() => Tokenizer.FromFile(bad));
        Assert.Contains("line 3", e.Message);
        File.WriteAllText(bad, "IQ== 0\nIQ 1\n");
        Assert.Contains("line 2", Assert.Throws<TokenizerFormatException>(() => Tokenizer.FromFile(bad)).Message);
        var json = dir.File("tokenizer.json");
        File.WriteAllText(json, "{\"version\":\"1.0\",\"model\":{\"type\":\"BPE\",\"vocab\":{\"a\":0},\"merges\":[");
        Assert.Throws<TokenizerFormatException>(() => Tokenizer.FromFile(json));
        File.WriteAllText(json, "{\"version\":\"1.0\",\"model\":{\"type\":\"WordPiece\",\"vocab\":{}}}");
        Assert.Throws<NotSupportedException>(() => Tokenizer.FromFile(json));
        Assert.Throws<FileNotFoundException>(() => Tokenizer.FromFile(dir.File("missing.json")));
        Assert.Throws<ArgumentException>(() => Tokenizer.FromName("p50k_base"));
    }

    [Fact]
    public void DocumentTokenizerWritesIdsInInputOrder()
    {
        using var dir = new TempDir("docs");
        var input = dir.File("in.jsonl");
        var texts = TestTexts.Tricky(1200, seed: 9);
        File.WriteAllLines(input, texts.Select(t => System.Text.Json.JsonSerializer.Serialize(new { id = 1, text = t })));
        var tok = Tokenizer.FromName("cl100k_base");
        using var output = new MemoryStream();
        var summary = new DocumentTokenizer(tok, threads: 2, batchSize: 100).Run(input, output, countOnly: false);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(texts.Count, lines.Length);
        Assert.Equal(texts.Count, summary.Documents);
        for (var i = 0; i < texts.Count; i++)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(lines[i]);
            Assert.Equal(tok.EncodeToIds(texts[i]), doc.RootElement.GetProperty("ids").EnumerateArray().Select(x => x.GetInt32()));
        }
        File.WriteAllText(input, "{\"text\":\"ok\"}\n{\"txt\":1}\n");
        var e = Assert.Throws<InvalidDataException>(() => new DocumentTokenizer(tok).Run(input, new MemoryStream(), true));
        Assert.Contains("line 2", e.Message);
        var txt = dir.File("doc.txt");
        File.WriteAllText(txt, "one document\n\nwhole file");
        using var counts = new MemoryStream();
        new DocumentTokenizer(tok).Run(txt, counts, countOnly: true);
        Assert.Equal($"{{\"tokens\":{tok.CountTokens("one document\n\nwhole file")}}}\n", Encoding.UTF8.GetString(counts.ToArray()));
    }
}
