using System.Globalization;
using Curation.Mixture.Random;
using Curation.Mixture.Regression;
using Curation.Mixture.Sampling;

namespace Curation.Mixture.Search;

/// <summary>
/// RegMix's optimum search: simulate many mixtures inside the constraints, score them with the fitted predictor
/// and average the k with the lowest predicted target. Work is split into fixed chunks, each with its own
/// random stream derived from the seed, and merged in chunk order, so the result is identical for any number
/// of threads.
/// </summary>
public static class SimplexSearch
{
    private const int ChunkSize = 8192;

    /// <summary>Runs the search; <paramref name="proposal"/> shapes the simulated mixtures (RegMix's sampler defaults when null).</summary>
    public static SimplexSearchResult Run(IMixturePredictor predictor, MixtureSpace space, int samples = 1_000_000,
        int topK = 100, ulong seed = 0, RegMixSamplerOptions? proposal = null, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        if (topK < 1 || topK > samples) throw new ArgumentOutOfRangeException(nameof(topK), topK, $"need 1 <= topK <= samples ({samples})");
        proposal ??= new RegMixSamplerOptions();
        proposal.Validate();
        var draw = new DirichletProposal(space, proposal);
        var d = space.Count;
        var chunks = (samples + ChunkSize - 1) / ChunkSize;
        var best = new Candidate[chunks][];
        var attempts = new long[chunks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var rows = Math.Min(ChunkSize, samples - chunk * ChunkSize);
            var rng = Xoshiro256.ForStream(seed, (ulong)chunk);
            var weights = new double[rows * d];
            var scratch = new double[d];
            long tries = 0;
            // A cap that rejects nearly everything would otherwise spin forever.
            var limit = (long)rows * 100_000;
            for (var r = 0; r < rows;)
            {
                if (++tries > limit)
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"the caps reject almost every simulated mixture ({r} accepted of {tries - 1}); loosen the constraints or raise the temperature/strength"));
                if (draw.TryDraw(rng, weights.AsSpan(r * d, d), scratch)) r++;
            }
            attempts[chunk] = tries;
            var predictions = new double[rows];
            predictor.PredictMany(weights, d, predictions);
            var order = Enumerable.Range(0, rows).ToArray();
            Array.Sort(order, (a, b) => predictions[a] != predictions[b] ? predictions[a].CompareTo(predictions[b]) : a.CompareTo(b));
            var keep = Math.Min(topK, rows);
            var top = new Candidate[keep];
            for (var k = 0; k < keep; k++)
            {
                var r = order[k];
                top[k] = new Candidate(predictions[r], (long)chunk * ChunkSize + r, weights.AsSpan(r * d, d).ToArray());
            }
            best[chunk] = top;
        });

        var merged = best.SelectMany(c => c)
            .OrderBy(c => c.Prediction)
            .ThenBy(c => c.Index)
            .Take(topK)
            .ToArray();
        var average = new double[d];
        foreach (var c in merged)
            for (var j = 0; j < d; j++) average[j] += c.Weights[j];
        for (var j = 0; j < d; j++) average[j] /= merged.Length;
        return new SimplexSearchResult(average, predictor.Predict(average), merged.Select(c => c.Prediction).ToArray(),
            samples, attempts.Sum());
    }

    private sealed record Candidate(double Prediction, long Index, double[] Weights);
}
