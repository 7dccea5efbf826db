namespace Curation.Tokenizers.PreTokenizers;

/// <summary>The pre-tokenisation patterns that have a hand-written, regex-free implementation.</summary>
public static class KnownPatterns
{
    /// <summary>cl100k_base (tiktoken) and Llama 3.</summary>
    public const string Cl100k = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Qwen 2/2.5/3: cl100k with single digits.</summary>
    public const string Qwen = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>o200k_base (tiktoken).</summary>
    public const string O200k = @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>GPT-2 / r50k_base / p50k_base, and HF ByteLevel's built-in regex.</summary>
    public const string Gpt2 = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>A hand-written pre-tokenizer for <paramref name="pattern"/>, else the regex fallback.</summary>
    internal static IPreTokenizer Create(string pattern) => pattern switch
    {
        Cl100k => new Cl100kPreTokenizer(3),
        Qwen => new Cl100kPreTokenizer(1),
        O200k => new O200kPreTokenizer(),
        Gpt2 => new Gpt2PreTokenizer(),
        _ => new RegexPreTokenizer(pattern),
    };
}
