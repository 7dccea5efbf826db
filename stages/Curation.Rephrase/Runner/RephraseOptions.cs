using Curation.Rephrase.Chunking;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Resilience;

namespace Curation.Rephrase.Runner;

/// <summary>Everything a <see cref="BatchRephraser"/> run needs besides the endpoint and the cache.</summary>
public sealed record RephraseOptions
{
    /// <summary>The prompt template (built-in or from a file).</summary>
    public required PromptTemplate Template { get; init; }

    /// <summary>Sampling options sent with every request.</summary>
    public GenerationOptions Generation { get; init; } = new();

    /// <summary>How much document text one request may carry; longer documents are split at paragraphs.</summary>
    public ContextBudget Context { get; init; } = ContextBudget.EstimatedTokens(4000);

    /// <summary>Documents in flight at once (each sends its chunks one after another).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Retry, timeout and circuit-breaker settings.</summary>
    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Requests and tokens per minute.</summary>
    public RateLimits RateLimits { get; init; } = RateLimits.None;

    /// <summary>Token/cost ceiling for the run.</summary>
    public UsageBudget Budget { get; init; } = UsageBudget.Unlimited;

    /// <summary>Receives diagnostics (retries, circuit state, stops); never given the API key.</summary>
    public Action<string>? Log { get; init; }

    internal void Validate()
    {
        if (Concurrency is < 1 or > 4096)
            throw new ArgumentException($"concurrency must be within [1, 4096], got {Concurrency}");
        Generation.Validate();
        Resilience.Validate();
        RateLimits.Validate();
        Budget.Validate();
    }
}
