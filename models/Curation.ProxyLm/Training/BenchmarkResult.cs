using Curation.Numerics.Diagnostics;

namespace Curation.ProxyLm.Training;

/// <summary>Throughput of full training steps (forward, backward, clipping, AdamW) on random tokens.</summary>
/// <param name="Backend">Backend name.</param>
/// <param name="Steps">Timed steps.</param>
/// <param name="TokensPerSecond">B·T per step over mean step time.</param>
/// <param name="MillisecondsPerStep">Mean step time.</param>
/// <param name="GflopsPerSecond">Analytic step FLOPs (<see cref="FlopCounter"/>) over step time.</param>
/// <param name="PeakGflopsPerSecond">Measured FMA peak of the same workers (<see cref="PeakFlops"/>).</param>
/// <param name="FirstLoss">Loss of the first step (≈ ln V).</param>
/// <param name="LastLoss">Loss of the last step.</param>
public sealed record BenchmarkResult(string Backend, int Steps, double TokensPerSecond, double MillisecondsPerStep, double GflopsPerSecond,
    double PeakGflopsPerSecond, float FirstLoss, float LastLoss)
{
    /// <summary>Achieved / peak.</summary>
    public double FractionOfPeak => GflopsPerSecond / PeakGflopsPerSecond;
}
