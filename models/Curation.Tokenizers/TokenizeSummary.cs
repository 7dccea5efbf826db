namespace Curation.Tokenizers;

/// <summary>Totals of a <see cref="DocumentTokenizer"/> run.</summary>
public sealed record TokenizeSummary(long Documents, long Tokens, long InputBytes);
