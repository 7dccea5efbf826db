using System.Collections.Concurrent;
using Curation.Rephrase.Client;

namespace Curation.Rephrase.Runner;

/// <summary>Live, thread-safe counters of a rephrasing run; <see cref="Snapshot"/> gives an immutable copy for reports.</summary>
public sealed class RephraseStats
{
    private long _requests, _cacheHits, _promptTokens, _completionTokens, _rewritten, _failed, _notProcessed;
    private readonly ConcurrentDictionary<string, long> _retries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);

    internal void RecordRequest() => Interlocked.Increment(ref _requests);

    internal void RecordRetry(string cause) => _retries.AddOrUpdate(cause, 1, static (_, n) => n + 1);

    internal void RecordCacheHit() => Interlocked.Increment(ref _cacheHits);

    internal void RecordUsage(TokenUsage usage)
    {
        Interlocked.Add(ref _promptTokens, usage.PromptTokens);
        Interlocked.Add(ref _completionTokens, usage.CompletionTokens);
    }

    internal void RecordRewritten() => Interlocked.Increment(ref _rewritten);

    internal void RecordFailure(string reason)
    {
        Interlocked.Increment(ref _failed);
        _failures.AddOrUpdate(reason, 1, static (_, n) => n + 1);
    }

    internal void RecordNotProcessed() => Interlocked.Increment(ref _notProcessed);

    /// <summary>A consistent-enough copy of every counter (each counter is read atomically).</summary>
    public RephraseStatsSnapshot Snapshot() => new(
        Requests: Interlocked.Read(ref _requests),
        CacheHits: Interlocked.Read(ref _cacheHits),
        PromptTokens: Interlocked.Read(ref _promptTokens),
        CompletionTokens: Interlocked.Read(ref _completionTokens),
        Rewritten: Interlocked.Read(ref _rewritten),
        Failed: Interlocked.Read(ref _failed),
        NotProcessed: Interlocked.Read(ref _notProcessed),
        RetriesByCause: Sorted(_retries),
        FailuresByReason: Sorted(_failures));

    private static SortedDictionary<string, long> Sorted(ConcurrentDictionary<string, long> source) =>
        new(source.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
