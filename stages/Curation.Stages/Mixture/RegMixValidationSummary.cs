namespace Curation.Stages.Mixture;

/// <summary>What <c>&lt;id&gt;.summary</c> found (<c>summary/&lt;step&gt;/00000.json</c>): the validated mixtures' target losses.</summary>
public sealed record RegMixValidationSummary
{
    public string Target { get; init; } = "";
    /// <summary>Target loss by mixture (optimum, natural, uniform) on the larger proxy: the mean over <see cref="Seeds"/>.</summary>
    public Dictionary<string, double?> TargetLoss { get; init; } = [];
    /// <summary>The validation seeds (every mixture trained once per seed).</summary>
    public List<ulong> Seeds { get; init; } = [];
    /// <summary>Per mixture: per-seed losses, mean, standard error and the paired gap to the optimum.</summary>
    public List<ValidatedMixture> Mixtures { get; init; } = [];
    /// <summary>The mixture with the lowest target loss.</summary>
    public string Lowest { get; init; } = "";
    /// <summary>A sentence stating the outcome.</summary>
    public string Verdict { get; init; } = "";
    public long ProxyParameters { get; init; }
    public long ValidationParameters { get; init; }
    public long ProxyTokens { get; init; }
    public long ValidationTokens { get; init; }
    public double ParameterRatio { get; init; }
    public double TokenRatio { get; init; }
    public double HeldOutSpearman { get; init; }
    public Dictionary<string, double> Weights { get; init; } = [];
}
