using System.Diagnostics;
using Curation.Numerics.Diagnostics;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;

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

/// <summary>Runs the benchmark the way peers/torch_bench.py does: 3 warm-up steps, then steps for at least the given time.</summary>
public static class ProxyBenchmark
{
    /// <summary>Benchmarks the model and batch shape of <paramref name="config"/> (data section unused).</summary>
    public static BenchmarkResult Run(LmConfig config, double seconds = 10, int minSteps = 5)
    {
        var tc = config.Training;
        var t = tc.EffectiveSequenceLength(config.Model);
        using var backend = new CpuBackend(tc.Threads);
        using var model = new GptModel(backend, config.Model, tc.BatchSize, t);
        model.Initialize(new Rng(tc.Seed));
        var rng = new Rng(tc.Seed + 1);
        var tokens = new int[tc.BatchSize * t];
        var targets = new int[tc.BatchSize * t];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = (int)rng.NextInt64(config.Model.VocabSize);
            targets[i] = (int)rng.NextInt64(config.Model.VocabSize);
        }
        var step = 0;
        float Step()
        {
            var loss = model.Forward(tokens, targets);
            model.ZeroGradients();
            model.Backward();
            var norm = model.GradientNorm();
            var scale = tc.GradClip > 0 && norm > tc.GradClip ? (float)(tc.GradClip / norm) : 1f;
            model.Update(tc.LearningRate, tc.Beta1, tc.Beta2, tc.Epsilon, tc.WeightDecay, scale, ++step);
            return loss;
        }
        var first = Step();
        Step();
        Step();
        var clock = Stopwatch.StartNew();
        var n = 0;
        var last = first;
        while (clock.Elapsed.TotalSeconds < seconds || n < minSteps)
        {
            last = Step();
            n++;
        }
        var dt = clock.Elapsed.TotalSeconds / n;
        var peak = PeakFlops.Measure(backend.Threads) / 1e9;
        return new BenchmarkResult(backend.Name, n, tc.BatchSize * t / dt, dt * 1e3, FlopCounter.TrainingStep(config.Model, tc.BatchSize, t) / dt / 1e9, peak, first, last);
    }
}
