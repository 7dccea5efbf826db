using System.Text.Json;
using System.Text.RegularExpressions;

namespace Curation.Tokenizers.Tests;

public class TestPlansTests
{
    /// <summary>gpt-tokenizer's own expected encodings (npm gpt-tokenizer@4.0.0 data/TestPlans.txt, installed by tests/setup/tokenizers.sh).</summary>
    [Fact]
    public void GptTokenizerTestPlansMatch()
    {
        var path = Path.Combine(Oracle.NodeModules, "gpt-tokenizer", "data", "TestPlans.txt");
        Assert.True(File.Exists(path), $"{path} missing: run tests/setup/tokenizers.sh");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var checkedCases = 0;
        foreach (Match m in Regex.Matches(text, @"EncodingName: (\S+)\nSample: ([\s\S]*?)\nEncoded: (\[[^\]]*\])"))
        {
            var encoding = m.Groups[1].Value;
            if (!Tokenizer.BuiltInNames.Contains(encoding)) continue; // p50k_base / p50k_edit are not shipped
            var expected = JsonSerializer.Deserialize<int[]>(m.Groups[3].Value)!;
            Assert.Equal(expected, Tokenizer.FromName(encoding).EncodeWithSpecialTokens(m.Groups[2].Value, addBosEos: false));
            checkedCases++;
        }
        Assert.True(checkedCases > 150, $"only {checkedCases} cases");
    }
}
