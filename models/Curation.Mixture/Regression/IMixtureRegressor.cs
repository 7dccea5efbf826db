namespace Curation.Mixture.Regression;

/// <summary>
/// A model from mixture weights to a target (usually a validation loss). After <see cref="Fit"/> it predicts
/// (<see cref="IMixturePredictor"/>), thread-safely.
/// </summary>
public interface IMixtureRegressor : IMixturePredictor
{
    /// <summary>A short stable id for reports ("ridge", "log_linear", "gbdt").</summary>
    string Name { get; }

    /// <summary>Fits the model; one row of <paramref name="features"/> per run, one target per row.</summary>
    void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets);

    /// <summary>A new, unfitted regressor with the same settings (cross-validation fits one per fold).</summary>
    IMixtureRegressor CloneUntrained();
}
