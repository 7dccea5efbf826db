using Curation.Rephrase.Client;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Curation.Rephrase.Resilience;

/// <summary>Maps any exception out of an attempt to a stable reason and whether retrying may help; caller cancellation maps to null.</summary>
public static class FailureClassifier
{
    /// <summary>The classification, or null for exceptions that must propagate (cancellation, programming errors).</summary>
    public static (string Reason, bool IsTransient, TimeSpan? RetryAfter)? Classify(Exception? exception) => exception switch
    {
        RequestFailedException r => (r.Reason, r.IsTransient, r.RetryAfter),
        TimeoutRejectedException => (FailureReasons.Timeout, true, null),
        BrokenCircuitException b => (FailureReasons.CircuitOpen, true, b.RetryAfter),
        _ => null,
    };

    /// <summary>True for failures that say the endpoint itself is unhealthy (these feed the circuit breaker; 429 and 4xx do not).</summary>
    public static bool IsEndpointFault(Exception? exception) => exception switch
    {
        TimeoutRejectedException => true,
        RequestFailedException r => r.IsTransient && r.Reason != FailureReasons.RateLimited,
        _ => false,
    };
}
