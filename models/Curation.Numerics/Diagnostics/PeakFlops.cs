using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Curation.Numerics.Diagnostics;

/// <summary>
/// Measures this machine's fp32 FMA peak: every worker runs a register-only loop of independent vector FMAs
/// (enough chains to cover FMA latency × ports), so the figure is what the cores deliver, not a datasheet number.
/// </summary>
public static class PeakFlops
{
    /// <summary>Achieved FLOP/s (2 per FMA lane) with <paramref name="threads"/> workers over about <paramref name="seconds"/>.</summary>
    public static double Measure(int threads, double seconds = 0.5)
    {
        const long iterations = 1 << 20;
        Kernel(1000); // JIT and warm up.
        var results = new double[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, w =>
        {
            var sw = Stopwatch.StartNew();
            long done = 0;
            while (sw.Elapsed.TotalSeconds < seconds)
            {
                Kernel(iterations);
                done += iterations;
            }
            results[w] = done * FlopsPerIteration / sw.Elapsed.TotalSeconds;
        });
        return results.Sum();
    }

    private static double FlopsPerIteration => 12.0 * 2 * (Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Kernel(long iterations)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var m = Vector512.Create(0.999999f); var a = Vector512.Create(1e-7f);
            Vector512<float> x0 = a, x1 = a, x2 = a, x3 = a, x4 = a, x5 = a, x6 = a, x7 = a, x8 = a, x9 = a, x10 = a, x11 = a;
            for (long i = 0; i < iterations; i++)
            {
                x0 = Vector512.FusedMultiplyAdd(x0, m, a); x1 = Vector512.FusedMultiplyAdd(x1, m, a); x2 = Vector512.FusedMultiplyAdd(x2, m, a);
                x3 = Vector512.FusedMultiplyAdd(x3, m, a); x4 = Vector512.FusedMultiplyAdd(x4, m, a); x5 = Vector512.FusedMultiplyAdd(x5, m, a);
                x6 = Vector512.FusedMultiplyAdd(x6, m, a); x7 = Vector512.FusedMultiplyAdd(x7, m, a); x8 = Vector512.FusedMultiplyAdd(x8, m, a);
                x9 = Vector512.FusedMultiplyAdd(x9, m, a); x10 = Vector512.FusedMultiplyAdd(x10, m, a); x11 = Vector512.FusedMultiplyAdd(x11, m, a);
            }
            return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
        }
        else
        {
            var m = Vector256.Create(0.999999f); var a = Vector256.Create(1e-7f);
            Vector256<float> x0 = a, x1 = a, x2 = a, x3 = a, x4 = a, x5 = a, x6 = a, x7 = a, x8 = a, x9 = a, x10 = a, x11 = a;
            for (long i = 0; i < iterations; i++)
            {
                x0 = Vector256.FusedMultiplyAdd(x0, m, a); x1 = Vector256.FusedMultiplyAdd(x1, m, a); x2 = Vector256.FusedMultiplyAdd(x2, m, a);
                x3 = Vector256.FusedMultiplyAdd(x3, m, a); x4 = Vector256.FusedMultiplyAdd(x4, m, a); x5 = Vector256.FusedMultiplyAdd(x5, m, a);
                x6 = Vector256.FusedMultiplyAdd(x6, m, a); x7 = Vector256.FusedMultiplyAdd(x7, m, a); x8 = Vector256.FusedMultiplyAdd(x8, m, a);
                x9 = Vector256.FusedMultiplyAdd(x9, m, a); x10 = Vector256.FusedMultiplyAdd(x10, m, a); x11 = Vector256.FusedMultiplyAdd(x11, m, a);
            }
            return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
        }
    }
}
