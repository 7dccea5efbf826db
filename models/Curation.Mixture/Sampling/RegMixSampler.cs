using System.Globalization;
using Curation.Mixture.Random;

namespace Curation.Mixture.Sampling;

/// <summary>
/// RegMix's mixture sampler (<c>synthesize_mixture.py</c>), deterministic for a seed: tempered-prior Dirichlet
/// draws at 15 log-spaced strengths, rejection above each domain's epoch cap, zeroing and rounding to 2e-4,
/// 100× oversampling, near-duplicate removal and a random pick of the requested count. Randomness comes from
/// <see cref="Xoshiro256"/> seeded with the caller's seed, so a seed gives the same mixtures on every machine.
/// </summary>
public sealed class RegMixSampler
{
    private readonly RegMixSamplerOptions _options;

    /// <summary>Creates a sampler; null options mean RegMix's defaults.</summary>
    public RegMixSampler(RegMixSamplerOptions? options = null)
    {
        _options = options ?? new RegMixSamplerOptions();
        _options.Validate();
    }

    /// <summary>
    /// Samples <paramref name="count"/> distinct mixtures for domains whose natural distribution is given by
    /// <paramref name="availableTokens"/>, optionally sampling around another <paramref name="prior"/>.
    /// </summary>
    public double[][] Sample(IReadOnlyList<string> domains, IReadOnlyList<long> availableTokens, int count, ulong seed,
        MixtureConstraints? constraints = null, IReadOnlyList<double>? prior = null) =>
        Sample(MixtureSpace.Create(domains, availableTokens, constraints, prior), count, seed);

    /// <summary>Samples <paramref name="count"/> distinct mixtures from <paramref name="space"/>; rows follow its domain order.</summary>
    public double[][] Sample(MixtureSpace space, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var proposal = new DirichletProposal(space, _options);
        var rng = new Xoshiro256(seed);
        var n = space.Count;
        var pool = new List<double[]>();
        var scratch = new double[n];
        long attempts = 0, accepted = 0;
        var perRound = (long)count * _options.SampleMultiplier;
        List<double[]> unique = [];
        for (var round = 0; round < _options.MaxRounds; round++)
        {
            var draw = new double[n];
            for (long a = 0; a < perRound; a++)
            {
                attempts++;
                if (!proposal.TryDraw(rng, draw, scratch)) continue;
                accepted++;
                var w = (double[])draw.Clone();
                PostProcess(space, proposal.FreeMass, w);
                pool.Add(w);
            }
            unique = Deduplicate(pool, _options.DuplicateL1);
            if (unique.Count >= count) break;
        }
        if (unique.Count < count)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"only {unique.Count} distinct mixtures after {attempts} draws ({accepted} within the caps); asked for {count}. Loosen the constraints (caps, minimums, fixed weights), lower the rounding step or ask for fewer mixtures."));
        return PickWithoutReplacement(unique, count, rng);
    }

    /// <summary>RegMix's post-normalisation: zero tiny weights, renormalise, round to the step.</summary>
    private void PostProcess(MixtureSpace space, double freeMass, double[] w)
    {
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            if (space.IsFixed[i]) continue;
            // A domain with a positive minimum keeps it: zeroing would break the caller's constraint.
            if (w[i] < _options.MinimumWeight && space.Lower[i] == 0) w[i] = 0;
            sum += w[i];
        }
        var step = _options.RoundingStep;
        for (var i = 0; i < w.Length; i++)
        {
            if (space.IsFixed[i]) continue;
            var v = sum > 0 ? w[i] * freeMass / sum : 0;
            w[i] = step > 0 ? Math.Round(v / step, MidpointRounding.ToEven) * step : v;
        }
    }

    /// <summary>
    /// RegMix's <c>sort_and_deduplicate</c>: sort with numpy's lexsort order (the last domain is the primary key)
    /// and keep a row only when its L1 distance to the last kept row exceeds the threshold.
    /// </summary>
    internal static List<double[]> Deduplicate(List<double[]> rows, double threshold)
    {
        if (rows.Count == 0) return [];
        var sorted = rows.ToArray();
        // Array.Sort is unstable; a stable tie-break on the original index keeps the result reproducible.
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var ra = sorted[a];
            var rb = sorted[b];
            for (var c = ra.Length - 1; c >= 0; c--)
            {
                var cmp = ra[c].CompareTo(rb[c]);
                if (cmp != 0) return cmp;
            }
            return a.CompareTo(b);
        });
        var result = new List<double[]> { sorted[order[0]] };
        for (var k = 1; k < order.Length; k++)
        {
            var row = sorted[order[k]];
            var last = result[^1];
            var diff = 0.0;
            for (var c = 0; c < row.Length; c++) diff += Math.Abs(row[c] - last[c]);
            if (diff > threshold) result.Add(row);
        }
        return result;
    }

    private static double[][] PickWithoutReplacement(List<double[]> rows, int count, Xoshiro256 rng)
    {
        // Partial Fisher–Yates: the first `count` slots become a uniform random sample in selection order.
        var items = rows.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + rng.NextInt(items.Length - i);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items[..count];
    }
}
