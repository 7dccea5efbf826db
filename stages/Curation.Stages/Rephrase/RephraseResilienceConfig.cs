namespace Curation.Stages.Rephrase;

/// <summary>The <c>resilience</c> block: retries, backoff and per-attempt timeout.</summary>
public sealed class RephraseResilienceConfig
{
    /// <summary>Retries of transient failures (429, 5xx, timeouts, resets) per request.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>First backoff delay, doubled each retry with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
