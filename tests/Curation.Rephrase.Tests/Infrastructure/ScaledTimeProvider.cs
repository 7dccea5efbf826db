using System.Diagnostics;

namespace Curation.Rephrase.Tests.Infrastructure;

/// <summary>
/// A clock that runs <c>scale</c> times faster than real time: backoffs, Retry-After waits, timeouts and breaker
/// windows keep their production values but take a fraction of the wall time, while real HTTP still happens.
/// </summary>
public sealed class ScaledTimeProvider(double scale) : TimeProvider
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly long _start = Stopwatch.GetTimestamp();

    public double Scale { get; } = scale;

    /// <summary>Virtual time elapsed since construction.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_start).Ticks * Scale));

    public override DateTimeOffset GetUtcNow() => Origin + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>The wall time that corresponds to a virtual duration.</summary>
    public TimeSpan ToReal(TimeSpan virtualTime) =>
        virtualTime == Timeout.InfiniteTimeSpan ? virtualTime : TimeSpan.FromTicks((long)(virtualTime.Ticks / Scale));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
