using System.Threading.RateLimiting;

namespace Curation.Rephrase.Resilience;

/// <summary>
/// A per-minute quota as a token bucket whose replenishment is driven by a <see cref="TimeProvider"/> timer
/// (the limiter's own timer ignores TimeProvider), so tests with a fake clock see the same pacing as production.
/// </summary>
internal sealed class MinuteQuota : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _timer;

    public MinuteQuota(int perMinute, TimeProvider time)
    {
        // Refill in up to 600 steps a minute (every 100 ms at most) to keep pacing smooth without a busy timer.
        var steps = Math.Min(perMinute, 600);
        var period = TimeSpan.FromTicks(TimeSpan.FromMinutes(1).Ticks / steps);
        Limit = perMinute;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Round(perMinute / (double)steps)),
            ReplenishmentPeriod = period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _timer = time.CreateTimer(static s => ((TokenBucketRateLimiter)s!).TryReplenish(), _bucket, period, period);
    }

    public int Limit { get; }

    /// <summary>Waits until <paramref name="permits"/> (capped at the whole minute's quota) are available.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(long permits, CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(permits, 1, Limit);
        var lease = await _bucket.AcquireAsync(count, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException("rate limiter queue rejected a request although its queue is unbounded");
        }
        return lease;
    }

    public void Dispose()
    {
        _timer.Dispose();
        _bucket.Dispose();
    }
}
