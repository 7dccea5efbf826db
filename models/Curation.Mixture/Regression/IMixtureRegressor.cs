namespace Curation.Mixture.Regression;

/// <summary>
/// A model from mixture weights to a target (usually a validation loss). After <see cref="Fit"/> the prediction
/// methods are thread-safe, so the optimum search can call them from many threads.
/// </summary>
public interface IMixtureRegressor
{
    /// <summary>A short stable id for reports ("ridge", "log_linear", "gbdt").</summary>
    string Name { get; }

    /// <summary>Fits the model; one row of <paramref name="features"/> per run, one target per row.</summary>
    void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets);

    /// <summary>Predicts the target of one mixture.</summary>
    double Predict(ReadOnlySpan<double> features);

    /// <summary>Predicts many mixtures stored row-major, <paramref name="featureCount"/> values per row.</summary>
    void PredictMany(ReadOnlySpan<double> rowMajor, int featureCount, Span<double> output)
    {
        for (var r = 0; r < output.Length; r++) output[r] = Predict(rowMajor.Slice(r * featureCount, featureCount));
    }

    /// <summary>A new, unfitted regressor with the same settings (cross-validation fits one per fold).</summary>
    IMixtureRegressor CloneUntrained();
}
