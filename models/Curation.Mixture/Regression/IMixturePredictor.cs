namespace Curation.Mixture.Regression;

/// <summary>
/// Something that predicts a target from mixture weights: a fitted <see cref="IMixtureRegressor"/>, or a
/// combination of several (<see cref="ComponentMeanPredictor"/>). Thread-safe, so the optimum search can call it
/// from many threads.
/// </summary>
public interface IMixturePredictor
{
    /// <summary>Predicts the target of one mixture.</summary>
    double Predict(ReadOnlySpan<double> features);

    /// <summary>Predicts many mixtures stored row-major, <paramref name="featureCount"/> values per row.</summary>
    void PredictMany(ReadOnlySpan<double> rowMajor, int featureCount, Span<double> output)
    {
        for (var r = 0; r < output.Length; r++) output[r] = Predict(rowMajor.Slice(r * featureCount, featureCount));
    }
}
