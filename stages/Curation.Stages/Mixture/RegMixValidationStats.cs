namespace Curation.Stages.Mixture;

/// <summary>One validated mixture over its seeds: mean target loss, standard error, and the paired gap to the optimum.</summary>
/// <param name="Mixture">optimum, natural or uniform.</param>
/// <param name="Losses">Target loss per seed, in seed order (null = diverged).</param>
/// <param name="Mean">Mean over seeds; null when a run diverged.</param>
/// <param name="StandardError">Standard error of <paramref name="Mean"/> (sample SD / √n); null with one seed.</param>
/// <param name="GapToOptimum">Mean over seeds of (this − optimum) with the same seed; positive = the optimum is lower.</param>
/// <param name="GapStandardError">Standard error of the paired gap; null with one seed.</param>
public sealed record ValidatedMixture(string Mixture, IReadOnlyList<double?> Losses, double? Mean, double? StandardError,
    double? GapToOptimum, double? GapStandardError);

/// <summary>
/// Summarises validation runs trained with the same seeds for every mixture. The gaps are paired by seed: a seed fixes
/// the initial weights and much of the noise, so the per-seed difference is steadier than either mean.
/// </summary>
public static class RegMixValidationStats
{
    /// <summary>The seeds of a set of validation runs, in run order (0 for records written without one).</summary>
    public static List<ulong> SeedsOf(IReadOnlyList<ProxyRunRecord> runs) =>
        runs.Where(r => r.Run == "optimum").Select(r => r.Seed ?? 0).Distinct().ToList();

    /// <summary>Per mixture (in <see cref="RegMixValidateStep.Mixtures"/> order, those present) over <paramref name="seeds"/>.</summary>
    public static List<ValidatedMixture> Summarise(IReadOnlyList<ProxyRunRecord> runs, IReadOnlyList<ulong> seeds)
    {
        double? Loss(string mixture, ulong seed) =>
            runs.FirstOrDefault(r => r.Run == mixture && (r.Seed ?? 0) == seed)?.TargetLoss;
        var optimum = seeds.Select(s => Loss("optimum", s)).ToList();
        var list = new List<ValidatedMixture>();
        foreach (var m in RegMixValidateStep.Mixtures.Where(m => runs.Any(r => r.Run == m)))
        {
            var losses = seeds.Select(s => Loss(m, s)).ToList();
            var (mean, se) = MeanAndError(losses);
            var gaps = m == "optimum" ? null : losses.Zip(optimum, (a, b) => a is { } x && b is { } y ? x - y : (double?)null).ToList();
            var (gap, gapSe) = gaps is null ? (null, null) : MeanAndError(gaps);
            list.Add(new ValidatedMixture(m, losses, mean, se, gap, gapSe));
        }
        return list;
    }

    /// <summary>Mean and standard error; null mean when any value is missing, null error with fewer than two values.</summary>
    public static (double? Mean, double? StandardError) MeanAndError(IReadOnlyList<double?> values)
    {
        if (values.Count == 0 || values.Any(v => v is null)) return (null, null);
        var xs = values.Select(v => v!.Value).ToArray();
        var mean = xs.Average();
        if (xs.Length < 2) return (mean, null);
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1);
        return (mean, Math.Sqrt(variance / xs.Length));
    }
}
