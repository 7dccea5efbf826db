using System.Threading.RateLimiting;

namespace Curation.Rephrase.Resilience;

/// <summary>
/// A token-bucket <see cref="RateLimiter"/> whose refill follows an injected <see cref="TimeProvider"/> (the
/// framework's TokenBucketRateLimiter reads the real clock, so a fake clock cannot drive it). Tokens accrue
/// continuously at <c>perMinute / 60</c> a second up to one minute's quota; waiters are served first in, first out.
/// </summary>
public sealed class ClockedTokenBucket : RateLimiter
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly Queue<Waiter> _waiters = new();
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private double _tokens;
    private long _lastRefill;
    private bool _disposed;

    /// <summary>A bucket of <paramref name="perMinute"/> tokens, full at start.</summary>
    public ClockedTokenBucket(int perMinute, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        _time = timeProvider ?? TimeProvider.System;
        Capacity = perMinute;
        _perSecond = perMinute / 60.0;
        _tokens = perMinute;
        _lastRefill = _time.GetTimestamp();
        _timer = _time.CreateTimer(static s => ((ClockedTokenBucket)s!).ServeWaiters(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The most tokens the bucket holds (one minute's quota); larger requests are rejected.</summary>
    public int Capacity { get; }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens, CurrentQueuedCount = _waiters.Sum(w => w.Permits) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Check(permitCount);
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return Lease.Acquired;
            }
            return Lease.Rejected;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Check(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            Refill();
            if (_waiters.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                return ValueTask.FromResult<RateLimitLease>(Lease.Acquired);
            }
            waiter = new Waiter(permitCount);
            _waiters.Enqueue(waiter);
            if (_waiters.Count == 1)
                ScheduleHead();
        }
        if (cancellationToken.CanBeCanceled)
            waiter.Registration = cancellationToken.Register(static s =>
            {
                var (bucket, w, token) = ((ClockedTokenBucket, Waiter, CancellationToken))s!;
                if (w.Completion.TrySetCanceled(token))
                    bucket.ServeWaiters();
            }, (this, waiter, cancellationToken));
        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    private void ServeWaiters()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            Refill();
            while (_waiters.TryPeek(out var head))
            {
                if (head.Completion.Task.IsCompleted)
                {
                    // Cancelled while queued: it holds no tokens, drop it.
                    _waiters.Dequeue().Registration.Dispose();
                    continue;
                }
                if (_tokens < head.Permits)
                    break;
                _tokens -= head.Permits;
                _waiters.Dequeue().Registration.Dispose();
                head.Completion.TrySetResult(Lease.Acquired);
            }
            ScheduleHead();
        }
    }

    // Caller holds the lock.
    private void ScheduleHead()
    {
        if (!_waiters.TryPeek(out var head))
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var seconds = Math.Max(0, (head.Permits - _tokens) / _perSecond);
        _timer.Change(TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    // Caller holds the lock.
    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(Capacity, _tokens + elapsed.TotalSeconds * _perSecond);
    }

    private void Check(int permitCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (permitCount > Capacity)
            throw new ArgumentOutOfRangeException(nameof(permitCount), $"{permitCount} permits exceed the bucket's capacity of {Capacity}");
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _timer.Dispose();
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetException(new ObjectDisposedException(nameof(ClockedTokenBucket)));
            }
        }
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Rejected = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
