namespace Curation.Mixture.Regression;

/// <summary>
/// Held-out diagnostics of a regressor: every run predicted by a model that did not see it, and the Spearman
/// rank correlation and MSE of those out-of-fold predictions, pooled and per fold.
/// </summary>
/// <param name="Regressor">The regressor's <see cref="IMixtureRegressor.Name"/>.</param>
/// <param name="Folds">Number of folds.</param>
/// <param name="FoldOfRow">The fold that held each run out.</param>
/// <param name="Predictions">Out-of-fold prediction for each run.</param>
/// <param name="Spearman">Spearman ρ of all out-of-fold predictions against the targets.</param>
/// <param name="MeanSquaredError">MSE of all out-of-fold predictions.</param>
/// <param name="FoldSpearman">Spearman ρ within each fold (NaN for a fold with fewer than two runs).</param>
/// <param name="FoldMeanSquaredError">MSE within each fold.</param>
public sealed record CrossValidationReport(
    string Regressor,
    int Folds,
    IReadOnlyList<int> FoldOfRow,
    IReadOnlyList<double> Predictions,
    double Spearman,
    double MeanSquaredError,
    IReadOnlyList<double> FoldSpearman,
    IReadOnlyList<double> FoldMeanSquaredError);
