namespace Curation.Rephrase.Runner;

/// <summary>
/// A ceiling on what a run may spend, in tokens and/or money. A document is started only if its worst case
/// (estimated prompt tokens plus max_tokens, or twice the prompt when max_tokens is unset) still fits, so the run
/// stops between documents, never inside one. Cached generations cost nothing.
/// </summary>
public sealed record UsageBudget
{
    /// <summary>Most prompt + completion tokens of fresh generations.</summary>
    public long? MaxTotalTokens { get; init; }

    /// <summary>Most money, priced with the two rates below.</summary>
    public decimal? MaxCost { get; init; }

    /// <summary>Price per million prompt tokens.</summary>
    public decimal PromptPricePerMillion { get; init; }

    /// <summary>Price per million completion tokens.</summary>
    public decimal CompletionPricePerMillion { get; init; }

    /// <summary>No ceiling.</summary>
    public static UsageBudget Unlimited { get; } = new();

    /// <summary>The cost of some usage at this budget's prices.</summary>
    public decimal CostOf(long promptTokens, long completionTokens) =>
        (promptTokens * PromptPricePerMillion + completionTokens * CompletionPricePerMillion) / 1_000_000m;

    internal void Validate()
    {
        if (MaxTotalTokens is < 0) throw new ArgumentException($"the token budget must not be negative, got {MaxTotalTokens}");
        if (MaxCost is < 0) throw new ArgumentException($"the cost budget must not be negative, got {MaxCost}");
        if (PromptPricePerMillion < 0 || CompletionPricePerMillion < 0) throw new ArgumentException("token prices must not be negative");
        if (MaxCost is not null && PromptPricePerMillion == 0 && CompletionPricePerMillion == 0)
            throw new ArgumentException("a cost budget needs at least one token price");
    }
}
