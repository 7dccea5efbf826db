namespace Curation.Tokenizers;

/// <summary>A tokenizer definition (rank file, tokenizer.json, vocab/merges) that cannot be loaded, with the place it went wrong.</summary>
public sealed class TokenizerFormatException(string message, Exception? inner = null) : Exception(message, inner);
