namespace Curation.Tokenizers.Tests;

public class TiktokenParityTests
{
    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    [InlineData("gpt2")]
    public void ExpectedIdFixturesMatchAndDecodeBack(string encoding)
    {
        var tok = Tokenizer.FromName(encoding);
        var failures = new List<string>();
        foreach (var (text, ids) in TestTexts.Expected(encoding))
        {
            var got = tok.EncodeToIds(text);
            if (!got.SequenceEqual(ids)) failures.Add($"{Show(text)}: expected [{string.Join(',', ids.Take(20))}] got [{string.Join(',', got.Take(20))}]");
            else if (tok.Decode(got) != text) failures.Add($"{Show(text)}: decode differs");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join('\n', failures.Take(10)));
    }

    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    [InlineData("gpt2")]
    public void RandomHardCasesMatchTiktoken(string encoding)
    {
        var texts = TestTexts.Tricky(1500, seed: encoding.Length);
        var expected = Oracle.Tiktoken(encoding, texts);
        var tok = Tokenizer.FromName(encoding);
        var failures = texts.Select((t, i) => (t, i)).Where(x => !tok.EncodeToIds(x.t).SequenceEqual(expected[x.i]))
            .Select(x => $"{Show(x.t)}: expected [{string.Join(',', expected[x.i])}] got [{string.Join(',', tok.EncodeToIds(x.t))}]").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count}/{texts.Count} mismatches:\n" + string.Join('\n', failures.Take(8)));
    }

    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("o200k_base")]
    [InlineData("gpt2")]
    public void SpecialTokensOnlyWhenAsked(string encoding)
    {
        var texts = new[] { "a <|endoftext|> b", "<|endoftext|><|endoftext|>", "x<|endofprompt|>y <|fim_prefix|>" };
        var tok = Tokenizer.FromName(encoding);
        var ordinary = Oracle.Tiktoken(encoding, texts);
        var special = Oracle.Tiktoken(encoding, texts, special: true);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(ordinary[i], tok.EncodeToIds(texts[i]));
            Assert.Equal(special[i], tok.EncodeWithSpecialTokens(texts[i]));
        }
        Assert.Contains(tok.EosId!.Value, tok.EncodeWithSpecialTokens("<|endoftext|>"));
    }

    internal static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s.Length > 80 ? s[..80] : s);
}
