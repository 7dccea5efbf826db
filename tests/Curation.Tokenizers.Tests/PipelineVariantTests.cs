using System.Text.Json.Nodes;
using Curation.Testing;

namespace Curation.Tokenizers.Tests;

/// <summary>tokenizer.json features the npm models do not exercise, made by editing the GPT-2 fixture; HF tokenizers is the oracle.</summary>
public class PipelineVariantTests
{
    public static TheoryData<string> Variants => new() { "template", "prefix-space", "nfkc-lowercase", "strip-tokens" };

    [Theory]
    [MemberData(nameof(Variants))]
    public void VariantMatchesHfTokenizers(string variant)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("tokenizers", "hf_gpt2_tokenizer.json")))!.AsObject();
        var added = json["added_tokens"]!.AsArray();
        switch (variant)
        {
            case "template":
                json["post_processor"] = JsonNode.Parse("""
                    {"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"<|endoftext|>","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"<|endoftext|>","type_id":0}}],
                     "pair":[{"Sequence":{"id":"A","type_id":0}},{"Sequence":{"id":"B","type_id":1}}],
                     "special_tokens":{"<|endoftext|>":{"id":"<|endoftext|>","ids":[50256],"tokens":["<|endoftext|>"]}}}
                    """);
                break;
            case "prefix-space":
                json["pre_tokenizer"] = JsonNode.Parse("""{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}""");
                break;
            case "nfkc-lowercase":
                json["normalizer"] = JsonNode.Parse("""{"type":"Sequence","normalizers":[{"type":"NFKC"},{"type":"Lowercase"}]}""");
                break;
            case "strip-tokens":
                added.Add(JsonNode.Parse("""{"id":50257,"content":"[MASK]","single_word":false,"lstrip":true,"rstrip":true,"normalized":false,"special":false}"""));
                added.Add(JsonNode.Parse("""{"id":50258,"content":"cat","single_word":true,"lstrip":false,"rstrip":false,"normalized":false,"special":false}"""));
                break;
        }
        using var dir = new TempDir("variant");
        var path = dir.File("tokenizer.json");
        File.WriteAllText(path, json.ToJsonString());
        var tok = Tokenizer.FromFile(path);
        var texts = TestTexts.Tricky(300, seed: variant.Length)
            .Concat(["The cat sat; concatenate cats. [MASK] ", "a  [MASK]  b", "x[MASK]y", "cat", "ﬁne Ⅻ ＡＢＣ ÀÉÎ", "İstanbul ΣΑΣ"]).ToList();
        var expected = Oracle.HuggingFace(path, texts, special: true);
        for (var i = 0; i < texts.Count; i++)
            Assert.True(expected[i].SequenceEqual(tok.EncodeWithSpecialTokens(texts[i])),
                $"{variant} {TiktokenParityTests.Show(texts[i])}: expected [{string.Join(',', expected[i])}] got [{string.Join(',', tok.EncodeWithSpecialTokens(texts[i]))}]");
        if (variant == "template")
        {
            Assert.Equal(50256, tok.BosId);
            Assert.Equal(50256, tok.EosId);
        }
    }
}
