namespace Curation.Stages.Mixture;

/// <summary>The outcome of one proxy (or validation) run: its mixture, per-domain validation losses and target loss.</summary>
public sealed record ProxyRunRecord
{
    public string Run { get; init; } = "";
    /// <summary>Training seed of a validation run (several seeds per mixture); null for search proxies.</summary>
    public ulong? Seed { get; init; }
    /// <summary>Mixture weights by domain, in domain order.</summary>
    public Dictionary<string, double> Weights { get; init; } = [];
    /// <summary>Final validation loss (nats/token) by domain; absent for a domain whose loss was not finite.</summary>
    public Dictionary<string, double> Losses { get; init; } = [];
    /// <summary>The fitted target (a mean over domains, or one domain's loss); null when not finite (a diverged run).</summary>
    public double? TargetLoss { get; init; }
    public long Parameters { get; init; }
    public int Steps { get; init; }
    public long Tokens { get; init; }
    /// <summary>Training loss of the last step; null when not finite or when the run had already finished before a resume.</summary>
    public double? FinalTrainLoss { get; init; }
    /// <summary>Training loss at about 50 evenly spaced steps (step, loss), for loss curves; after a resume, only the steps trained since.</summary>
    public List<double[]> TrainLossCurve { get; init; } = [];
}
