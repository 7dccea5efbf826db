namespace Curation.Numerics.Threading;

/// <summary>
/// Deterministic static work partitioning: a range is cut into one contiguous slice per worker, aligned to a
/// grain, so every output element is produced by a fixed slice in a fixed order and results never depend on
/// scheduling. (No work stealing and no atomics-based float reductions.)
/// </summary>
public static class ParallelRange
{
    /// <summary>Runs <paramref name="body"/>(start, end) over [0, count) cut into at most <paramref name="threads"/> slices.</summary>
    /// <param name="threads">Worker count; 1 runs inline on the caller.</param>
    /// <param name="count">Number of items.</param>
    /// <param name="grain">Slice boundaries are multiples of this (except the last end).</param>
    /// <param name="body">Receives [start, end) of one slice.</param>
    public static void For(int threads, int count, int grain, Action<int, int> body)
    {
        if (count <= 0) return;
        grain = Math.Max(1, grain);
        var units = (count + grain - 1) / grain;
        var slices = Math.Max(1, Math.Min(threads, units));
        if (slices == 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, s =>
        {
            var (start, end) = Slice(s, slices, units, grain, count);
            if (start < end) body(start, end);
        });
    }

    /// <summary>The [start, end) of slice <paramref name="index"/> out of <paramref name="slices"/>; exposed for per-slice partial buffers.</summary>
    public static (int Start, int End) Slice(int index, int slices, int units, int grain, int count)
    {
        var perSlice = units / slices;
        var extra = units % slices;
        var firstUnit = index * perSlice + Math.Min(index, extra);
        var unitCount = perSlice + (index < extra ? 1 : 0);
        return (Math.Min(count, firstUnit * grain), Math.Min(count, (firstUnit + unitCount) * grain));
    }

    /// <summary>How many slices <see cref="For"/> uses for these arguments.</summary>
    public static int SliceCount(int threads, int count, int grain)
    {
        if (count <= 0) return 0;
        var units = (count + Math.Max(1, grain) - 1) / Math.Max(1, grain);
        return Math.Max(1, Math.Min(threads, units));
    }

    /// <summary>Like <see cref="For"/>, passing the slice index so a body can write a per-slice partial result.</summary>
    public static void ForSlices(int threads, int count, int grain, Action<int, int, int> body)
    {
        if (count <= 0) return;
        grain = Math.Max(1, grain);
        var units = (count + grain - 1) / grain;
        var slices = Math.Max(1, Math.Min(threads, units));
        if (slices == 1)
        {
            body(0, 0, count);
            return;
        }
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, s =>
        {
            var (start, end) = Slice(s, slices, units, grain, count);
            body(s, start, end);
        });
    }
}
