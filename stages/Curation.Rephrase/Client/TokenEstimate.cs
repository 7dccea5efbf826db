namespace Curation.Rephrase.Client;

/// <summary>A tokenizer-free token estimate (about 4 characters per token for English BPE vocabularies).</summary>
public static class TokenEstimate
{
    /// <summary>Characters per token assumed by the estimate.</summary>
    public const double CharsPerToken = 4.0;

    /// <summary>Estimated tokens for a text of <paramref name="chars"/> UTF-16 characters (at least 1 for non-empty text).</summary>
    public static long FromChars(long chars) => chars <= 0 ? 0 : Math.Max(1, (long)Math.Ceiling(chars / CharsPerToken));
}
