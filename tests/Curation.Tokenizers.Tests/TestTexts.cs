using System.Text;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Tokenizers.Tests;

/// <summary>Texts for parity tests: the expected-id fixtures and seeded random mixes of the hard cases.</summary>
internal static class TestTexts
{
    /// <summary>Fragments that stress every alternative of the pre-tokenisation patterns.</summary>
    private static readonly string[] Fragments =
    [
        "Hello", "world", "HELLO", "CamelCaseWord", "iPhone", "XMLHttpRequest", "we'LL", "THEY'RE", "it's", "don'T", "'ſ", "'S", "'ve", "'",
        "123", "1234567", "3.14159", "٣٤٥", "１２３４", "ⅫⅣ", "²³",
        " ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", " \n ", "\u00A0", "\u3000", "\u2028", "\u2029", "\u2003", "\u000B", "\u0085",
        "\uFEFF", "\u200D", "\u200C", "\u00AD", "\u0000", "\u001F",
        "中文文本", "日本語のテキスト", "カタカナ", "한국어", "Русский текст", "العربية", "हिन्दी", "ไทย", "Ελληνικά",
        "e\u0301", "a\u0308b", "\u0301", "ǅungla", "ʰello", "ªb", "𝐀𝐁𝐜", "𐐀𐐨", "𝟘𝟙",
        "👍", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "😀😃", "🇫🇷",
        "!!!", "...", "?!", "/*", "*/", "//", "///", "\\", "{", "}", "()", "=>", "==", "<|endoftext|>", "<|fim_prefix|>", "<think>", "<tool_call>",
        "$", "€", "©", "™", "←→", "•", "–", "—", "\"", "«»",
        "def f(x):\n    return x\n", "if (a) {\n\tb();\n}\n", "http://example.com/a/b?c=d", "a/b/c", "C:\\path\\file.txt",
    ];

    private static readonly string[] Separators = ["", " ", " ", " ", "\n", "  ", "\t", "", "\r\n", "\u00A0", "/", "'"];

    /// <summary><paramref name="count"/> reproducible random texts (fixed seed) plus every fragment alone.</summary>
    public static List<string> Tricky(int count, int seed = 7)
    {
        var rng = new Random(seed);
        var texts = new List<string>(Fragments);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            var parts = rng.Next(1, 14);
            for (var p = 0; p < parts; p++)
            {
                sb.Append(Fragments[rng.Next(Fragments.Length)]);
                sb.Append(Separators[rng.Next(Separators.Length)]);
            }
            if (rng.Next(6) == 0) sb.Append(new string(' ', rng.Next(1, 5)));
            if (rng.Next(8) == 0) sb.Append("\n \n");
            texts.Add(sb.ToString());
        }
        return texts;
    }

    /// <summary>The (text, ids) cases of tests/fixtures/tokenizers/tiktoken_expected_NAME.jsonl.</summary>
    public static List<(string Text, int[] Ids)> Expected(string encoding)
    {
        var cases = new List<(string, int[])>();
        foreach (var line in File.ReadLines(RepoPaths.Fixture("tokenizers", $"tiktoken_expected_{encoding}.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            cases.Add((doc.RootElement.GetProperty("text").GetString()!,
                doc.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray()));
        }
        return cases;
    }

    /// <summary>The English paragraphs of the expected-id fixture (lines 25 on), <paramref name="count"/> of them.</summary>
    public static IEnumerable<string> Paragraphs(int count) => Expected("gpt2").Skip(24).Take(count).Select(c => c.Text);
}
