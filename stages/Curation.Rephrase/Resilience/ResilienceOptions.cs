namespace Curation.Rephrase.Resilience;

/// <summary>Retry, timeout and circuit-breaker settings; the defaults suit a self-hosted vLLM or a hosted API over hours.</summary>
public sealed record ResilienceOptions
{
    /// <summary>Retries after the first attempt for transient failures (429, 5xx, timeouts, resets, open circuit).</summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>Retries for malformed or empty 2xx bodies, which rarely fix themselves.</summary>
    public int MaxContentRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubled each retry, with decorrelated jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on a computed backoff delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Cap on a server's Retry-After, so a bogus header cannot park a worker for a day.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one attempt may take before it is abandoned and retried (long generations need minutes).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; init; } = 0.9;

    /// <summary>Fewest attempts in the sampling window before the breaker may open.</summary>
    public int BreakerMinimumThroughput { get; init; } = 20;

    /// <summary>The window over which the failure ratio is measured.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open before one probe request is let through.</summary>
    public TimeSpan BreakerBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the jitter source, so a rerun backs off identically.</summary>
    public int JitterSeed { get; init; } = 17;

    internal void Validate()
    {
        if (MaxRetries < 0) throw new ArgumentException($"max retries must not be negative, got {MaxRetries}");
        if (MaxContentRetries < 0) throw new ArgumentException($"max content retries must not be negative, got {MaxContentRetries}");
        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay) throw new ArgumentException("backoff delays must be positive with max >= base");
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentException("the attempt timeout must be positive");
        if (BreakerFailureRatio is <= 0 or > 1) throw new ArgumentException("the breaker failure ratio must be within (0, 1]");
        if (BreakerMinimumThroughput < 2) throw new ArgumentException("the breaker minimum throughput must be at least 2");
        if (BreakerSamplingDuration < TimeSpan.FromMilliseconds(500)) throw new ArgumentException("the breaker sampling duration must be at least 500 ms");
        if (BreakerBreakDuration < TimeSpan.FromMilliseconds(500)) throw new ArgumentException("the breaker break duration must be at least 500 ms");
    }
}
