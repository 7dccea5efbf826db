using Curation.Rephrase.Resilience;
using Curation.Rephrase.Tests.Infrastructure;

namespace Curation.Rephrase.Tests;

public sealed class ClockedTokenBucketTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Acquire_FullBucketThenOnePerInterval()
    {
        var clock = new ManualTimeProvider();
        using var bucket = new ClockedTokenBucket(20, clock); // 1 token every 3 s

        for (var i = 0; i < 20; i++)
            Assert.True(bucket.AttemptAcquire(1).IsAcquired);
        Assert.False(bucket.AttemptAcquire(1).IsAcquired);

        var pending = bucket.AcquireAsync(1).AsTask();
        clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True((await pending.WaitAsync(Wait)).IsAcquired);
        Assert.False(bucket.AttemptAcquire(1).IsAcquired);
    }

    [Fact]
    public async Task Acquire_QueuedWaitersAreServedFirstInFirstOut()
    {
        var clock = new ManualTimeProvider();
        using var bucket = new ClockedTokenBucket(60, clock); // 1 token a second
        Assert.True(bucket.AttemptAcquire(60).IsAcquired);

        var big = bucket.AcquireAsync(5).AsTask();
        var small = bucket.AcquireAsync(1).AsTask();
        Assert.False(bucket.AttemptAcquire(1).IsAcquired); // no overtaking the queue

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(big.IsCompleted);
        Assert.False(small.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2.1));
        Assert.True((await big.WaitAsync(Wait)).IsAcquired);
        Assert.False(small.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await small.WaitAsync(Wait)).IsAcquired);
    }

    [Fact]
    public async Task Acquire_CancelledWaiter_LeavesTheQueueAndHoldsNoTokens()
    {
        var clock = new ManualTimeProvider();
        using var bucket = new ClockedTokenBucket(60, clock);
        Assert.True(bucket.AttemptAcquire(60).IsAcquired);
        using var cts = new CancellationTokenSource();

        var cancelled = bucket.AcquireAsync(30, cts.Token).AsTask();
        var next = bucket.AcquireAsync(2).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait));

        clock.Advance(TimeSpan.FromSeconds(2.1));
        Assert.True((await next.WaitAsync(Wait)).IsAcquired);
    }

    [Fact]
    public void Acquire_MoreThanCapacity_Throws()
    {
        using var bucket = new ClockedTokenBucket(10, new ManualTimeProvider());
        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.AttemptAcquire(11));
    }

    [Fact]
    public void Refill_NeverExceedsOneMinuteOfQuota()
    {
        var clock = new ManualTimeProvider();
        using var bucket = new ClockedTokenBucket(10, clock);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(bucket.AttemptAcquire(10).IsAcquired);
        Assert.False(bucket.AttemptAcquire(1).IsAcquired);
    }
}
