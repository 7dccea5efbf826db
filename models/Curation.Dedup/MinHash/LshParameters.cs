namespace Curation.Dedup.MinHash;

/// <summary>
/// Chooses LSH bands and rows for a Jaccard threshold the way datasketch and text-dedup do:
/// minimise weighted false-positive area (∫₀ᵗ P) plus false-negative area (∫ₜ¹ 1−P) of the
/// S-curve P(s) = 1 − (1 − sʳ)ᵇ over every b·r ≤ the hash budget.
/// </summary>
public static class LshParameters
{
    /// <summary>Probability that a pair with Jaccard <paramref name="similarity"/> shares at least one band.</summary>
    public static double CandidateProbability(double similarity, int bands, int rows) =>
        1.0 - Math.Pow(1.0 - Math.Pow(similarity, rows), bands);

    /// <summary>The (bands, rows) pair with the smallest weighted error around <paramref name="threshold"/>.</summary>
    public static (int Bands, int Rows) Optimal(double threshold, int maxHashes,
        double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5)
    {
        if (!(threshold > 0 && threshold < 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1)");
        if (maxHashes < 1) throw new ArgumentOutOfRangeException(nameof(maxHashes), maxHashes, "need at least one hash");
        double bestError = double.MaxValue;
        (int, int) best = (1, 1);
        for (int bands = 1; bands <= maxHashes; bands++)
        {
            for (int rows = 1; bands * rows <= maxHashes; rows++)
            {
                double fp = Integrate(s => CandidateProbability(s, bands, rows), 0, threshold);
                double fn = Integrate(s => 1 - CandidateProbability(s, bands, rows), threshold, 1);
                double error = falsePositiveWeight * fp + falseNegativeWeight * fn;
                // Strict comparison keeps the first (fewest bands) optimum, so the choice is stable.
                if (error < bestError - 1e-15) { bestError = error; best = (bands, rows); }
            }
        }
        return best;
    }

    private static double Integrate(Func<double, double> f, double from, double to)
    {
        // Composite Simpson's rule; 200 intervals are far below the S-curve's width at any b·r ≤ 1024.
        const int intervals = 200;
        double h = (to - from) / intervals;
        double sum = f(from) + f(to);
        for (int i = 1; i < intervals; i++) sum += f(from + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
