namespace Curation.Rephrase.Client;

/// <summary>Prompt and completion token counts reported by the endpoint (or estimated when it reports none).</summary>
public readonly record struct TokenUsage(long PromptTokens, long CompletionTokens)
{
    /// <summary>Prompt plus completion tokens.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Adds two usages field by field.</summary>
    public static TokenUsage operator +(TokenUsage a, TokenUsage b) =>
        new(a.PromptTokens + b.PromptTokens, a.CompletionTokens + b.CompletionTokens);
}
