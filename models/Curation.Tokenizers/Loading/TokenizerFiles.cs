using System.IO.Compression;
using System.Text.Json;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>Recognises a tokenizer definition on disk by its name and content (see <see cref="Tokenizer.FromFile"/>).</summary>
internal static class TokenizerFiles
{
    public static Tokenizer Load(string path)
    {
        if (!File.Exists(path))
        {
            if (BuiltInEncodings.IsBuiltIn(path)) return BuiltInEncodings.Load(path);
            throw new FileNotFoundException($"tokenizer file not found: {path} (built-in names: {string.Join(", ", BuiltInEncodings.Names)})", path);
        }
        var fileName = Path.GetFileName(path);
        var gz = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var logical = gz ? fileName[..^3] : fileName;
        if (logical.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
        {
            var stem = logical[..^".tiktoken".Length];
            var known = BuiltInEncodings.Describe(stem);
            using var s = Open(path, gz);
            return TiktokenLoader.Load(s, known?.Pattern ?? KnownPatterns.Cl100k,
                known?.Specials ?? new Dictionary<string, int>(), stem, path);
        }
        if (logical.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (LooksLikeHuggingFace(path, gz))
            {
                var (bos, eos) = ReadConfig(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "tokenizer_config.json"));
                using var s = Open(path, gz);
                return HuggingFaceLoader.Load(s, logical, bos, eos);
            }
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var merges = new[] { "merges.txt", "vocab.bpe" }.Select(m => Path.Combine(dir, m)).FirstOrDefault(File.Exists)
                ?? throw new TokenizerFormatException($"{path}: a GPT-2 vocabulary needs merges.txt or vocab.bpe in the same folder");
            return Gpt2Loader.Load(path, merges, logical);
        }
        throw new TokenizerFormatException($"{path}: unknown tokenizer file type (expected tokenizer.json, vocab.json/encoder.json or .tiktoken, optionally .gz)");
    }

    private static Stream Open(string path, bool gz)
    {
        var s = File.OpenRead(path);
        return gz ? new GZipStream(s, CompressionMode.Decompress) : s;
    }

    private static bool LooksLikeHuggingFace(string path, bool gz)
    {
        using var s = Open(path, gz);
        var head = new byte[4096];
        var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.UTF8.GetString(head, 0, n);
        return text.Contains("\"model\"", StringComparison.Ordinal) || text.Contains("\"added_tokens\"", StringComparison.Ordinal)
            || text.Contains("\"pre_tokenizer\"", StringComparison.Ordinal) || text.Contains("\"version\"", StringComparison.Ordinal);
    }

    /// <summary>bos_token / eos_token of a tokenizer_config.json next to tokenizer.json, when present.</summary>
    private static (string? Bos, string? Eos) ReadConfig(string path)
    {
        if (!File.Exists(path)) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return (Token(doc.RootElement, "bos_token"), Token(doc.RootElement, "eos_token"));
        }
        catch (JsonException e)
        {
            throw new TokenizerFormatException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    private static string? Token(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var v) ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : v.ValueKind == JsonValueKind.Object && v.TryGetProperty("content", out var c) ? c.GetString()
        : null;
}
