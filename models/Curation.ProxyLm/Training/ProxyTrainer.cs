using System.Diagnostics;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Data;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Training;

/// <summary>
/// Trains one proxy LM from an in-memory <see cref="LmConfig"/> in a single call: seeded init, weighted sampling of
/// the training shards, AdamW with warmup + cosine/constant schedule and clipping, periodic evaluation and
/// checkpoints. When the configured checkpoint exists, the run resumes from it and ends bit-identical to an
/// uninterrupted run (same seed and thread count).
/// </summary>
public static class ProxyTrainer
{
    /// <summary>Runs (or resumes) training and returns the final per-domain validation losses.</summary>
    /// <param name="config">Model, optimisation and data.</param>
    /// <param name="progress">Receives every step (synchronously, on the training thread).</param>
    /// <param name="cancellation">Checked between steps; a cancelled run keeps only its last periodic checkpoint, as a killed process would.</param>
    /// <param name="backend">Compute backend; null = a <see cref="CpuBackend"/> with training.threads workers.</param>
    public static ProxyRunResult Train(LmConfig config, Action<TrainingEvent>? progress = null, CancellationToken cancellation = default, IComputeBackend? backend = null)
    {
        var tc = config.Training;
        tc.Validate(config.Model);
        if (config.Data.Train.Count == 0) throw new ProxyLmConfigException("data.train lists no training shards");
        var ownsBackend = backend is null;
        backend ??= new CpuBackend(tc.Threads);
        var sources = config.Data.Train.Select(s => TokenShards.Open(s.Path)).ToList();
        var validation = config.Data.Validation.Select(s => TokenShards.Open(s.Path)).ToList();
        try
        {
            var t = tc.EffectiveSequenceLength(config.Model);
            var totalSteps = tc.EffectiveSteps(config.Model);
            using var model = new GptModel(backend, config.Model, tc.BatchSize, t);
            var sampler = new BatchSampler(sources, config.Data.Train.Select(s => s.Weight).ToList(), tc.BatchSize, t, tc.Seed ^ 0x5EED_DA7AUL);
            var start = 0;
            if (tc.Checkpoint.Length > 0 && File.Exists(tc.Checkpoint))
            {
                var state = Checkpoint.Load(tc.Checkpoint, model);
                if (state.Cursors.Length != sources.Count) throw new ProxyLmConfigException($"{tc.Checkpoint}: saved with {state.Cursors.Length} training sources, config has {sources.Count}");
                sampler.Rng.State = state.SamplerRng;
                state.Cursors.CopyTo(sampler.Cursors, 0);
                start = state.Step;
            }
            else
            {
                model.Initialize(new Rng(tc.Seed));
            }

            var inputs = new int[tc.BatchSize * t];
            var targets = new int[tc.BatchSize * t];
            var history = new List<TrainingEvent>();
            IReadOnlyList<ValidationResult> lastValidation = [];
            var loss = float.NaN;
            var clock = Stopwatch.StartNew();
            for (var step = start; step < totalSteps; step++)
            {
                cancellation.ThrowIfCancellationRequested();
                var stepStart = clock.Elapsed.TotalMilliseconds;
                sampler.Next(inputs, targets);
                loss = model.Forward(inputs, targets);
                model.ZeroGradients();
                model.Backward();
                var norm = model.GradientNorm();
                var scale = tc.GradClip > 0 && norm > tc.GradClip ? (float)(tc.GradClip / norm) : 1f;
                var lr = LearningRateSchedule.At(tc, step, totalSteps);
                model.Update(lr, tc.Beta1, tc.Beta2, tc.Epsilon, tc.WeightDecay, scale, step + 1);
                var done = step + 1;
                IReadOnlyList<ValidationResult> evals = [];
                if (validation.Count > 0 && (done == totalSteps || (tc.EvalInterval > 0 && done % tc.EvalInterval == 0)))
                    lastValidation = evals = EvaluateAll(model, validation, config.Data.Validation, tc.EvalBatches);
                if (tc.Checkpoint.Length > 0 && (done == totalSteps || (tc.CheckpointInterval > 0 && done % tc.CheckpointInterval == 0)))
                    Checkpoint.Save(tc.Checkpoint, model, new CheckpointState(config.Model, tc, done, sampler.Rng.State, (long[])sampler.Cursors.Clone()));
                var e = new TrainingEvent(done, loss, lr, norm, evals, clock.Elapsed.TotalMilliseconds - stepStart);
                history.Add(e);
                progress?.Invoke(e);
            }
            if (start >= totalSteps && validation.Count > 0)
                lastValidation = EvaluateAll(model, validation, config.Data.Validation, tc.EvalBatches);
            var ran = totalSteps - start;
            var tps = ran > 0 ? (double)ran * tc.BatchSize * t / clock.Elapsed.TotalSeconds : 0;
            return new ProxyRunResult(totalSteps, (long)totalSteps * tc.BatchSize * t, loss, lastValidation, history, start, tps);
        }
        finally
        {
            foreach (var s in sources.Concat(validation)) s.Dispose();
            if (ownsBackend) backend.Dispose();
        }
    }

    /// <summary>Evaluates a saved checkpoint on token shards (each reported by its file name unless named).</summary>
    public static IReadOnlyList<ValidationResult> EvaluateCheckpoint(string checkpointPath, IReadOnlyList<DataSource> sets, int threads = 0, int maxBatches = 0)
    {
        var state = Checkpoint.ReadState(checkpointPath);
        using var backend = new CpuBackend(threads);
        using var model = new GptModel(backend, state.Model, state.Training.BatchSize, state.Training.EffectiveSequenceLength(state.Model));
        Checkpoint.Load(checkpointPath, model);
        var results = new List<ValidationResult>();
        foreach (var spec in sets)
        {
            using var source = TokenShards.Open(spec.Path);
            results.Add(Evaluator.Evaluate(model, source, spec, maxBatches));
        }
        return results;
    }

    private static List<ValidationResult> EvaluateAll(GptModel model, List<ITokenSource> sources, List<DataSource> specs, int maxBatches) =>
        sources.Select((s, i) => Evaluator.Evaluate(model, s, specs[i], maxBatches)).ToList();
}
