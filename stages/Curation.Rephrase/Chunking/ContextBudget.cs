using Curation.Rephrase.Client;

namespace Curation.Rephrase.Chunking;

/// <summary>
/// How much document text one request may carry, measured in characters, estimated tokens or real tokens from a
/// caller-supplied counter. It covers the document part only: leave room for the template and the output yourself.
/// </summary>
public sealed record ContextBudget
{
    private ContextBudget(int limit, Func<string, int> measure, string unit)
    {
        if (limit <= 0) throw new ArgumentOutOfRangeException(nameof(limit), $"a context budget must be positive, got {limit}");
        Limit = limit;
        Measure = measure;
        Unit = unit;
    }

    /// <summary>The most units one chunk may measure.</summary>
    public int Limit { get; }

    /// <summary>Measures a piece of text in this budget's unit.</summary>
    public Func<string, int> Measure { get; }

    /// <summary>"chars", "estimated_tokens" or "tokens".</summary>
    public string Unit { get; }

    /// <summary>A budget in UTF-16 characters.</summary>
    public static ContextBudget Characters(int limit) => new(limit, s => s.Length, "chars");

    /// <summary>A budget in tokens estimated at about 4 characters per token (no tokenizer needed).</summary>
    public static ContextBudget EstimatedTokens(int limit) => new(limit, s => (int)TokenEstimate.FromChars(s.Length), "estimated_tokens");

    /// <summary>A budget in real tokens, counted by the model's tokenizer.</summary>
    public static ContextBudget Tokens(int limit, Func<string, int> countTokens) => new(limit, countTokens, "tokens");

    /// <summary>No splitting at all.</summary>
    public static ContextBudget Unlimited { get; } = new(int.MaxValue, _ => 0, "unlimited");

    public override string ToString() => $"{Limit} {Unit}";
}
