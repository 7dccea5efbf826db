using Curation.Mixture.Regression;
using Curation.Mixture.Regression.Gbdt;
using Curation.Pipeline.Config;

namespace Curation.Stages.Mixture;

/// <summary>The regression from mixture weights to the target loss, its diagnostics and the simplex search.</summary>
public sealed class RegMixFitOptions : IConfigValidatable
{
    /// <summary><c>gbdt</c> (default), <c>ridge</c> or <c>log_linear</c>.</summary>
    public string Regressor { get; set; } = "gbdt";

    /// <summary>
    /// <c>mean</c> (the mean validation loss over the training domains), <c>held_out</c> (the mean over
    /// <c>data.held_out</c>) or a domain name (that domain's validation loss).
    /// </summary>
    public string Target { get; set; } = "mean";

    /// <summary>
    /// With a mean target (<c>mean</c>, <c>held_out</c>), fit one regressor per domain's validation loss and predict their mean (the
    /// default: each domain's curve is simpler than their sum, so it needs fewer runs), instead of one regressor on
    /// the mean itself.
    /// </summary>
    public bool Decompose { get; set; } = true;

    /// <summary>Folds of the held-out diagnostics.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Mixtures simulated by the search (RegMix 1M).</summary>
    public int SearchSamples { get; set; } = 1_000_000;

    /// <summary>The best mixtures averaged into the answer (RegMix 100).</summary>
    public int TopK { get; set; } = 100;

    /// <summary>Seed of the search.</summary>
    public ulong Seed { get; set; } = 42;

    /// <summary>A CSV of runs from other trainers (columns: optional <c>run</c>, one per domain, then the target columns) added to the fit.</summary>
    public string ImportCsv { get; set; } = "";

    /// <summary>The regressor these options name.</summary>
    public IMixtureRegressor CreateRegressor() => CreateRegressor(Regressor);

    /// <summary>A regressor by name: gbdt, ridge or log_linear.</summary>
    public static IMixtureRegressor CreateRegressor(string name) => name switch
    {
        "gbdt" => new GbdtRegressor(),
        "ridge" => new RidgeRegressor(),
        "log_linear" => new LogLinearRegressor(),
        _ => throw new ArgumentException($"unknown regressor '{name}'; use gbdt, ridge or log_linear"),
    };

    public void Validate(string path, ConfigErrors errors)
    {
        if (Regressor is not ("gbdt" or "ridge" or "log_linear")) errors.Add(path + ".regressor", $"unknown regressor '{Regressor}'; use gbdt, ridge or log_linear");
        if (string.IsNullOrWhiteSpace(Target)) errors.Add(path + ".target", "use mean, held_out or a domain name");
        if (Folds < 2) errors.Add(path + ".folds", "need at least 2 folds");
        if (SearchSamples < 1) errors.Add(path + ".search_samples", "must be positive");
        if (TopK < 1 || TopK > SearchSamples) errors.Add(path + ".top_k", "need 1 <= top_k <= search_samples");
    }
}
