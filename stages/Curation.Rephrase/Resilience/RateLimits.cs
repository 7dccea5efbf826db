namespace Curation.Rephrase.Resilience;

/// <summary>Endpoint quotas: requests per minute and tokens (prompt estimate plus max_tokens) per minute; null means unlimited.</summary>
public sealed record RateLimits
{
    /// <summary>Requests per minute, counting every attempt including retries.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>Tokens per minute, charged before each attempt as the estimated prompt tokens plus max_tokens.</summary>
    public int? TokensPerMinute { get; init; }

    /// <summary>No limits.</summary>
    public static RateLimits None { get; } = new();

    internal void Validate()
    {
        if (RequestsPerMinute is <= 0) throw new ArgumentException($"requests per minute must be positive, got {RequestsPerMinute}");
        if (TokensPerMinute is <= 0) throw new ArgumentException($"tokens per minute must be positive, got {TokensPerMinute}");
    }
}
