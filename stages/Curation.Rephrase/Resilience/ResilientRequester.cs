using Curation.Rephrase.Client;
using Curation.Rephrase.Runner;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Curation.Rephrase.Resilience;

/// <summary>
/// Sends prompts through: retry (exponential backoff with jitter, Retry-After honoured) → per-minute quotas →
/// circuit breaker → per-attempt timeout → <see cref="OpenAiCompatibleClient"/>. The quotas sit outside the timeout
/// so waiting for quota is never mistaken for a slow endpoint.
/// </summary>
public sealed class ResilientRequester : IDisposable
{
    private static readonly ResiliencePropertyKey<AttemptTracker> TrackerKey = new("curation.rephrase.attempts");

    private readonly OpenAiCompatibleClient _client;
    private readonly GenerationOptions _generation;
    private readonly ResilienceOptions _options;
    private readonly RephraseStats _stats;
    private readonly Action<string>? _log;
    private readonly ResiliencePipeline<Completion> _retry;
    private readonly ResiliencePipeline<Completion> _guard;
    private readonly ClockedTokenBucket? _requestQuota;
    private readonly ClockedTokenBucket? _tokenQuota;
    private readonly Random _jitter;

    /// <summary>Builds the pipelines once; <paramref name="stats"/> receives request and retry counts.</summary>
    public ResilientRequester(OpenAiCompatibleClient client, GenerationOptions generation, ResilienceOptions options,
        RateLimits limits, RephraseStats stats, TimeProvider? timeProvider = null, Action<string>? log = null)
    {
        generation.Validate();
        options.Validate();
        limits.Validate();
        _client = client;
        _generation = generation;
        _options = options;
        _stats = stats;
        _log = log;
        var time = timeProvider ?? TimeProvider.System;
        _jitter = new Random(options.JitterSeed);
        if (limits.RequestsPerMinute is { } rpm) _requestQuota = new ClockedTokenBucket(rpm, time);
        if (limits.TokensPerMinute is { } tpm) _tokenQuota = new ClockedTokenBucket(tpm, time);
        _retry = BuildRetry(time);
        _guard = BuildGuard(time);
    }

    /// <summary>Sends one prompt until it succeeds, fails permanently or runs out of retries. Throws only on cancellation.</summary>
    public async Task<RequestResult> SendAsync(string prompt, string? system, string label, CancellationToken cancellationToken)
    {
        var tracker = new AttemptTracker(prompt, system, label);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TrackerKey, tracker);
        try
        {
            var completion = await _retry.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx), context, this).ConfigureAwait(false);
            return new RequestResult(completion, null, null, tracker.Attempts);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && FailureClassifier.Classify(e) is { } failure)
        {
            var detail = _client.Scrub(e.Message);
            if (!failure.IsTransient)
                return new RequestResult(null, failure.Reason, detail, tracker.Attempts);
            var reason = failure.Reason == FailureReasons.CircuitOpen ? FailureReasons.EndpointUnavailable : FailureReasons.RetriesExhausted;
            return new RequestResult(null, reason, $"gave up after {tracker.Attempts} attempts; last cause {failure.Reason}: {detail}", tracker.Attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<Completion> AttemptAsync(ResilienceContext context)
    {
        var tracker = context.Properties.GetValue(TrackerKey, null!);
        tracker.Attempts++;
        var token = context.CancellationToken;
        if (_requestQuota is not null)
            await AcquireAsync(_requestQuota, 1, token).ConfigureAwait(false);
        if (_tokenQuota is not null)
        {
            var estimate = TokenEstimate.FromChars(tracker.Prompt.Length + (tracker.System?.Length ?? 0)) + (_generation.MaxTokens ?? 0);
            // A request larger than a whole minute's quota waits for a full bucket rather than failing.
            await AcquireAsync(_tokenQuota, (int)Math.Min(estimate, _tokenQuota.Capacity), token).ConfigureAwait(false);
        }
        _stats.RecordRequest();
        return await _guard.ExecuteAsync(
            static (state, ct) => new ValueTask<Completion>(state.Self._client.CompleteAsync(state.Tracker.Prompt, state.Tracker.System, state.Self._generation, ct)),
            (Self: this, Tracker: tracker), token).ConfigureAwait(false);
    }

    private static async Task AcquireAsync(ClockedTokenBucket bucket, int permits, CancellationToken cancellationToken)
    {
        // Permits are consumed, not returned: a per-minute quota is spent by sending, so the lease is released at once.
        using var lease = await bucket.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException("the rate limiter refused a queued request");
    }

    private ResiliencePipeline<Completion> BuildRetry(TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<Completion> { TimeProvider = time };
        if (_options.MaxRetries == 0)
            return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<Completion>
        {
            MaxRetryAttempts = _options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.BaseDelay,
            MaxDelay = _options.MaxDelay,
            Randomizer = NextJitter,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.AttemptNumber)),
            DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome.Exception)),
            OnRetry = args =>
            {
                var cause = FailureClassifier.Classify(args.Outcome.Exception)?.Reason ?? "unknown";
                _stats.RecordRetry(cause);
                if (_log is not null)
                {
                    var label = args.Context.Properties.GetValue(TrackerKey, null!).Label;
                    _log($"retry {args.AttemptNumber + 1} of {label} after {cause}, waiting {args.RetryDelay.TotalSeconds:0.###}s");
                }
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    private ResiliencePipeline<Completion> BuildGuard(TimeProvider time) =>
        new ResiliencePipelineBuilder<Completion> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<Completion>
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(FailureClassifier.IsEndpointFault(args.Outcome.Exception)),
                OnOpened = args =>
                {
                    _log?.Invoke($"circuit opened for {args.BreakDuration.TotalSeconds:0.###}s: the endpoint keeps failing");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.AttemptTimeout)
            .Build();

    private bool ShouldRetry(Exception? exception, int attemptNumber)
    {
        if (FailureClassifier.Classify(exception) is not { IsTransient: true })
            return false;
        // Malformed or empty bodies are usually a server bug, not load: a few retries, not the full budget.
        return exception is not RequestFailedException { IsContentFault: true } || attemptNumber < _options.MaxContentRetries;
    }

    private TimeSpan? ServerRequestedDelay(Exception? exception)
    {
        var requested = FailureClassifier.Classify(exception)?.RetryAfter;
        if (requested is null)
            return null;
        if (exception is BrokenCircuitException)
            return requested.Value + TimeSpan.FromMilliseconds(10);
        return requested.Value > _options.MaxRetryAfter ? _options.MaxRetryAfter : requested.Value;
    }

    private double NextJitter()
    {
        lock (_jitter)
            return _jitter.NextDouble();
    }

    public void Dispose()
    {
        _requestQuota?.Dispose();
        _tokenQuota?.Dispose();
    }

    private sealed class AttemptTracker(string prompt, string? system, string label)
    {
        public string Prompt { get; } = prompt;
        public string? System { get; } = system;
        public string Label { get; } = label;
        public int Attempts { get; set; }
    }
}
