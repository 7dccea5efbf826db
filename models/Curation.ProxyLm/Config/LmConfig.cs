namespace Curation.ProxyLm.Config;

/// <summary>A whole proxy-LM run: model shape, optimisation, data.</summary>
public sealed record LmConfig
{
    /// <summary>Model shape.</summary>
    public ModelConfig Model { get; init; } = new();

    /// <summary>Optimisation settings.</summary>
    public TrainingConfig Training { get; init; } = new();

    /// <summary>Token shards.</summary>
    public DataConfig Data { get; init; } = new();

    /// <summary>
    /// This run with the training sources reweighted to <paramref name="weights"/> (by source name; sources not
    /// named get weight 0) and the length set by <paramref name="tokenBudget"/>, the call a mixture search makes per
    /// candidate. <paramref name="checkpoint"/> gives the run its own resumable checkpoint file.
    /// </summary>
    public LmConfig WithMixture(IReadOnlyDictionary<string, double> weights, long tokenBudget, string checkpoint = "")
    {
        foreach (var name in weights.Keys)
            if (!Data.Train.Any(s => s.Name == name)) throw new ProxyLmConfigException($"mixture names domain '{name}', which is not in data.train");
        var train = Data.Train.Select(s => s with { Weight = weights.TryGetValue(s.Name, out var w) ? w : 0 }).ToList();
        ModelConfig.Require(train.All(s => s.Weight >= 0) && train.Sum(s => s.Weight) > 0, "mixture weights must be non-negative and not all zero");
        return this with
        {
            Data = Data with { Train = train },
            Training = Training with { Steps = 0, TokenBudget = tokenBudget, Checkpoint = checkpoint },
        };
    }
}
