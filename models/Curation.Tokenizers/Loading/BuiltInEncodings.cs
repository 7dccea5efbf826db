using System.Collections.Concurrent;
using System.IO.Compression;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>The OpenAI encodings shipped inside the assembly (gzipped rank files, MIT licence; see README).</summary>
internal static class BuiltInEncodings
{
    private sealed record Spec(string Resource, string Pattern, Dictionary<string, int> Specials);

    private static readonly Dictionary<string, Spec> Specs = new(StringComparer.Ordinal)
    {
        ["cl100k_base"] = new("cl100k_base.tiktoken.gz", KnownPatterns.Cl100k, new()
        {
            ["<|endoftext|>"] = 100257, ["<|fim_prefix|>"] = 100258, ["<|fim_middle|>"] = 100259,
            ["<|fim_suffix|>"] = 100260, ["<|endofprompt|>"] = 100276,
        }),
        ["o200k_base"] = new("o200k_base.tiktoken.gz", KnownPatterns.O200k, new() { ["<|endoftext|>"] = 199999, ["<|endofprompt|>"] = 200018 }),
        ["r50k_base"] = new("r50k_base.tiktoken.gz", KnownPatterns.Gpt2, new() { ["<|endoftext|>"] = 50256 }),
        ["gpt2"] = new("r50k_base.tiktoken.gz", KnownPatterns.Gpt2, new() { ["<|endoftext|>"] = 50256 }),
    };

    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Loaded = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } = Specs.Keys.Order(StringComparer.Ordinal).ToArray();

    public static bool IsBuiltIn(string name) => Specs.ContainsKey(name);

    /// <summary>The pattern and special tokens of a built-in name, for a rank file loaded from disk.</summary>
    public static (string Pattern, IReadOnlyDictionary<string, int> Specials)? Describe(string name) =>
        Specs.TryGetValue(name, out var s) ? (s.Pattern, s.Specials) : null;

    public static Tokenizer Load(string name)
    {
        if (!Specs.TryGetValue(name, out var spec))
            throw new ArgumentException($"unknown built-in tokenizer '{name}' (known: {string.Join(", ", Names)})", nameof(name));
        return Loaded.GetOrAdd(name, n => new Lazy<Tokenizer>(() =>
        {
            var assembly = typeof(BuiltInEncodings).Assembly;
            using var raw = assembly.GetManifestResourceStream("Curation.Tokenizers.Resources." + spec.Resource)
                ?? throw new InvalidOperationException($"embedded resource {spec.Resource} is missing from {assembly.GetName().Name}");
            using var gz = new GZipStream(raw, CompressionMode.Decompress);
            return TiktokenLoader.Load(gz, spec.Pattern, spec.Specials, n, spec.Resource);
        })).Value;
    }
}
