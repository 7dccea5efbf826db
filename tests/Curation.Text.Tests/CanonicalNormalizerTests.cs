using System.Text;
using System.Text.Json;
using Curation.Testing;
using Curation.Text.Normalization;

namespace Curation.Text.Tests;

/// <summary>NFC/NFD against Python's unicodedata.normalize on random strings built from tricky characters.</summary>
public sealed class CanonicalNormalizerTests
{
    [Fact]
    public void MatchesPythonOnRandomStrings()
    {
        string[] pool =
        [
            "a", "e", "o", "u", "A", "E", " ", "\u0301", "\u0300", "\u0308", "\u0323", "\u0327", "\u031B", "\u0345", "\u0306",
            "é", "ü", "Å", "\u212B", "\u2126", "ệ", "ǖ", "ώ", "\u1F71", "α", "ω", "\u0344", "ḉ", "\u1100", "\u1161", "\u11A8", "한",
            "\u0915", "\u093C", "\u0958", "\u05D1", "\u05BC", "\uFB31", "\u0F71", "\u0F72", "\u0F73", "\u3099", "か", "が", "\u304B\u3099",
            "\uD834\uDD5E", "\uD834\uDD57\uD834\uDD65", "x", "\u0065\u0301\u0323", "\u0041\u030A", "ﬁ", "\u00C5\u0301",
        ];
        var rng = new Random(11);
        var texts = new List<string>();
        for (int i = 0; i < 600; i++)
        {
            var sb = new StringBuilder();
            int n = 1 + rng.Next(12);
            for (int k = 0; k < n; k++) sb.Append(pool[rng.Next(pool.Length)]);
            texts.Add(sb.ToString());
        }
        var stdin = string.Join('\n', texts.Select(t => JsonSerializer.Serialize(new { text = t }))) + "\n";
        var lines = ProcessRunner.Run("python3", [RepoPaths.Fixture("filters", "unicode", "nfc_oracle.py")], stdin: stdin)
            .EnsureSuccess().StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(texts.Count, lines.Length);
        for (int i = 0; i < texts.Count; i++)
        {
            var expected = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(expected.GetProperty("nfc").GetString(), CanonicalNormalizer.ToNfc(texts[i]));
            Assert.Equal(expected.GetProperty("nfd").GetString(), CanonicalNormalizer.ToNfd(texts[i]));
        }
    }

    [Fact]
    public void AsciiIsReturnedAsIs()
    {
        const string text = "plain ASCII";
        Assert.Same(text, CanonicalNormalizer.ToNfc(text));
    }
}
