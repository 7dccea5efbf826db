using Curation.Numerics.Threading;

namespace Curation.Numerics.Tests;

public sealed class ParallelRangeTests
{
    [Theory]
    [InlineData(1, 100, 8)]
    [InlineData(2, 100, 8)]
    [InlineData(3, 7, 1)]
    [InlineData(4, 3, 16)]
    [InlineData(8, 1000, 64)]
    public void SlicesCoverTheRangeOnceAlignedToTheGrain(int threads, int count, int grain)
    {
        var hits = new int[count];
        var starts = new System.Collections.Concurrent.ConcurrentBag<int>();
        ParallelRange.For(threads, count, grain, (s, e) =>
        {
            starts.Add(s);
            for (var i = s; i < e; i++) Interlocked.Increment(ref hits[i]);
        });
        Assert.All(hits, h => Assert.Equal(1, h));
        Assert.All(starts, s => Assert.Equal(0, s % grain));
        Assert.True(starts.Count <= threads);
    }

    [Fact]
    public void EmptyRangeRunsNothing()
    {
        var called = false;
        ParallelRange.For(4, 0, 8, (_, _) => called = true);
        Assert.False(called);
    }
}
