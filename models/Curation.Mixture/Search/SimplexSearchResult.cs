namespace Curation.Mixture.Search;

/// <summary>The outcome of <see cref="SimplexSearch.Run"/>.</summary>
/// <param name="Weights">The average of the top-k mixtures, in the space's domain order; inside the constraints because they are convex.</param>
/// <param name="PredictedTarget">The regressor's prediction at <see cref="Weights"/>.</param>
/// <param name="TopPredictions">Predictions of the top-k mixtures, best first.</param>
/// <param name="Evaluated">Mixtures simulated and scored.</param>
/// <param name="Attempts">Candidates drawn, including those rejected by the caps.</param>
public sealed record SimplexSearchResult(
    IReadOnlyList<double> Weights,
    double PredictedTarget,
    IReadOnlyList<double> TopPredictions,
    long Evaluated,
    long Attempts);
