using Curation.Mixture.Sampling;
using Curation.Pipeline.Config;

namespace Curation.Stages.Mixture;

/// <summary>How many mixtures to sample and under which constraints; the sampler's defaults are RegMix's.</summary>
public sealed class RegMixSampleOptions : IConfigValidatable
{
    /// <summary>Proxy runs (sampled mixtures).</summary>
    public int Runs { get; set; } = 64;

    /// <summary>Seed of the sampler (the same seed gives the same mixtures).</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>Exponent applied to the natural token share before normalising (RegMix 0.5).</summary>
    public double Temperature { get; set; } = 0.5;

    /// <summary>Smallest Dirichlet strength (RegMix 0.1).</summary>
    public double MinStrength { get; set; } = 0.1;

    /// <summary>Largest Dirichlet strength (RegMix 5).</summary>
    public double MaxStrength { get; set; } = 5;

    /// <summary>Log-spaced strengths (RegMix 15).</summary>
    public int StrengthCount { get; set; } = 15;

    /// <summary>Weights below this are zeroed and the rest rounded to multiples of it (RegMix 2e-4).</summary>
    public double RoundingStep { get; set; } = 2e-4;

    /// <summary>Total training tokens the chosen mixture is meant for; with <see cref="MaxEpochs"/> it caps each domain's weight.</summary>
    public long? TokenBudget { get; set; }

    /// <summary>A domain may be repeated at most this many times within the token budget (RegMix 15).</summary>
    public double MaxEpochs { get; set; } = 15;

    /// <summary>Per-domain repetition caps overriding <see cref="MaxEpochs"/>.</summary>
    public Dictionary<string, double> MaxEpochsByDomain { get; set; } = [];

    /// <summary>Per-domain minimum weights.</summary>
    public Dictionary<string, double> MinWeights { get; set; } = [];

    /// <summary>Per-domain maximum weights.</summary>
    public Dictionary<string, double> MaxWeights { get; set; } = [];

    /// <summary>The library constraints these options describe.</summary>
    public MixtureConstraints Constraints() => new()
    {
        MinWeights = MinWeights,
        MaxWeights = MaxWeights,
        TokenBudget = TokenBudget,
        MaxEpochs = MaxEpochs,
        MaxEpochsByDomain = MaxEpochsByDomain,
    };

    /// <summary>The library sampler options these options describe.</summary>
    public RegMixSamplerOptions Sampler() => new()
    {
        Temperature = Temperature,
        MinStrength = MinStrength,
        MaxStrength = MaxStrength,
        StrengthCount = StrengthCount,
        MinimumWeight = RoundingStep,
        RoundingStep = RoundingStep,
    };

    public void Validate(string path, ConfigErrors errors)
    {
        if (Runs < 2) errors.Add(path + ".runs", "need at least 2 proxy runs (k-fold diagnostics need more)");
        if (!(Temperature > 0)) errors.Add(path + ".temperature", "must be positive");
        if (!(MinStrength > 0 && MaxStrength >= MinStrength)) errors.Add(path + ".min_strength", "need 0 < min_strength <= max_strength");
        if (StrengthCount < 1) errors.Add(path + ".strength_count", "must be at least 1");
        if (!(RoundingStep >= 0 && RoundingStep < 0.5)) errors.Add(path + ".rounding_step", "must be in [0, 0.5)");
        if (TokenBudget is <= 0) errors.Add(path + ".token_budget", "must be positive");
        if (!(MaxEpochs > 0)) errors.Add(path + ".max_epochs", "must be positive");
    }
}
