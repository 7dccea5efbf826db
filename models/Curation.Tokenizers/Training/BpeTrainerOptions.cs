using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Training;

/// <summary>Settings of byte-level BPE training.</summary>
public sealed record BpeTrainerOptions
{
    /// <summary>Final vocabulary size: 256 byte tokens + merges + special tokens.</summary>
    public required int VocabularySize { get; init; }

    /// <summary>Special tokens, given the last ids in this order (as tiktoken places <c>&lt;|endoftext|&gt;</c>).</summary>
    public IReadOnlyList<string> SpecialTokens { get; init; } = ["<|endoftext|>"];

    /// <summary>A pair seen fewer times than this is never merged (training stops early).</summary>
    public int MinFrequency { get; init; } = 2;

    /// <summary>The pre-tokenisation regex (written into tokenizer.json); cl100k's by default.</summary>
    public string Pattern { get; init; } = KnownPatterns.Cl100k;
}
