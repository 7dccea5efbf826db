namespace Curation.Mixture.Sampling;

/// <summary>
/// Limits on the domain weights beyond RegMix's per-domain epoch cap: per-domain minimum and maximum weights,
/// weights held fixed, and a total token budget with repetition (epoch) caps relative to the tokens available.
/// Domains are named; a name that is not one of the mixture's domains is an error.
/// </summary>
public sealed record MixtureConstraints
{
    /// <summary>Lower bounds on weights (default 0).</summary>
    public IReadOnlyDictionary<string, double> MinWeights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Upper bounds on weights (default 1).</summary>
    public IReadOnlyDictionary<string, double> MaxWeights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Weights that are not searched: every sample and the optimum carry exactly these values.</summary>
    public IReadOnlyDictionary<string, double> FixedWeights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Tokens the target model trains on. A domain's weight is capped at epochs × available / budget. When null the
    /// budget is the total available tokens, which makes the cap RegMix's min(prior × epochs, 1).
    /// </summary>
    public long? TokenBudget { get; init; }

    /// <summary>How many times each domain may be repeated at the token budget; RegMix's MAXIMUM_USAGE is 15.</summary>
    public double MaxEpochs { get; init; } = 15;

    /// <summary>Per-domain overrides of <see cref="MaxEpochs"/> (e.g. 1 for a domain that must not repeat).</summary>
    public IReadOnlyDictionary<string, double> MaxEpochsByDomain { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>No constraint beyond RegMix's default 15-epoch cap.</summary>
    public static MixtureConstraints None { get; } = new();
}
