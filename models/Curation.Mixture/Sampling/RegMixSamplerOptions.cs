namespace Curation.Mixture.Sampling;

/// <summary>
/// Settings of <see cref="RegMixSampler"/>. The defaults are the constants of RegMix's
/// <c>mixture_config/synthesize_mixture.py</c>.
/// </summary>
public sealed record RegMixSamplerOptions
{
    /// <summary>The prior is raised to this power and renormalised before it becomes the Dirichlet mean (TEMP = 0.5).</summary>
    public double Temperature { get; init; } = 0.5;

    /// <summary>Smallest Dirichlet strength (MIN_STRENGH = 0.1): small strengths give spiky mixtures.</summary>
    public double MinStrength { get; init; } = 0.1;

    /// <summary>Largest Dirichlet strength (MAX_STRENGH = 5.0): large strengths stay near the tempered prior.</summary>
    public double MaxStrength { get; init; } = 5.0;

    /// <summary>Number of log-spaced strengths between the two; each candidate uses one chosen uniformly (15).</summary>
    public int StrengthCount { get; init; } = 15;

    /// <summary>Weights below this are zeroed before renormalising (MINIMUM = 2e-4).</summary>
    public double MinimumWeight { get; init; } = 2e-4;

    /// <summary>Weights are rounded to multiples of this (RegMix rounds to MINIMUM, 2e-4); 0 disables rounding.</summary>
    public double RoundingStep { get; init; } = 2e-4;

    /// <summary>Candidates drawn per requested mixture before de-duplication and selection (SAMPLE_MULTIPLIER = 100).</summary>
    public int SampleMultiplier { get; init; } = 100;

    /// <summary>Two mixtures closer than this in L1 distance count as duplicates (1e-5).</summary>
    public double DuplicateL1 { get; init; } = 1e-5;

    /// <summary>
    /// How many rounds of <see cref="SampleMultiplier"/> × count candidates to draw at most when rejection and
    /// de-duplication leave too few mixtures (RegMix draws one round and fails; Curation tops up before giving up).
    /// </summary>
    public int MaxRounds { get; init; } = 20;

    internal void Validate()
    {
        if (!(Temperature > 0)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "must be positive");
        if (!(MinStrength > 0) || !(MaxStrength >= MinStrength)) throw new ArgumentOutOfRangeException(nameof(MinStrength), "need 0 < MinStrength <= MaxStrength");
        if (StrengthCount < 1) throw new ArgumentOutOfRangeException(nameof(StrengthCount), StrengthCount, "must be at least 1");
        if (!(MinimumWeight >= 0) || MinimumWeight >= 1) throw new ArgumentOutOfRangeException(nameof(MinimumWeight), MinimumWeight, "must be in [0, 1)");
        if (!(RoundingStep >= 0) || RoundingStep >= 1) throw new ArgumentOutOfRangeException(nameof(RoundingStep), RoundingStep, "must be in [0, 1)");
        if (SampleMultiplier < 1) throw new ArgumentOutOfRangeException(nameof(SampleMultiplier), SampleMultiplier, "must be at least 1");
        if (!(DuplicateL1 >= 0)) throw new ArgumentOutOfRangeException(nameof(DuplicateL1), DuplicateL1, "must not be negative");
        if (MaxRounds < 1) throw new ArgumentOutOfRangeException(nameof(MaxRounds), MaxRounds, "must be at least 1");
    }

    /// <summary>The strengths, log-spaced like numpy's <c>logspace(log10(min), log10(max), count)</c>.</summary>
    internal double[] Strengths()
    {
        if (StrengthCount == 1 || MinStrength == MaxStrength) return [MinStrength];
        var lo = Math.Log10(MinStrength);
        var hi = Math.Log10(MaxStrength);
        var s = new double[StrengthCount];
        for (var i = 0; i < s.Length; i++) s[i] = Math.Pow(10, lo + (hi - lo) * i / (StrengthCount - 1));
        return s;
    }
}
