using System.Diagnostics;
using Curation.Numerics.Diagnostics;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Training;

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
        // Peak is measured before and after the timed steps and the higher figure kept: on a shared machine a
        // single measurement can land in a busy moment and overstate the fraction of peak.
        var peakBefore = PeakFlops.Measure(backend.Threads) / 1e9;
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
        var peak = Math.Max(peakBefore, PeakFlops.Measure(backend.Threads) / 1e9);
        return new BenchmarkResult(backend.Name, n, tc.BatchSize * t / dt, dt * 1e3, FlopCounter.TrainingStep(config.Model, tc.BatchSize, t) / dt / 1e9, peak, first, last);
    }
}
