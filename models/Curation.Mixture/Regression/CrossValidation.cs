using Curation.Mixture.Random;
using Curation.Mixture.Statistics;

namespace Curation.Mixture.Regression;

/// <summary>k-fold cross-validation of a mixture regressor (Spearman ρ and MSE on held-out runs).</summary>
public static class CrossValidation
{
    /// <summary>
    /// Fits <paramref name="folds"/> unfitted copies of <paramref name="regressor"/>, each without one fold, and
    /// predicts that fold. Row i goes to fold i mod k, after a seeded shuffle when <paramref name="shuffleSeed"/>
    /// is given (sampled runs are already in random order, so the default needs no shuffle and is reproducible by
    /// any other tool). The folds are fitted in parallel; the result does not depend on the thread count.
    /// </summary>
    public static CrossValidationReport KFold(IMixtureRegressor regressor, IReadOnlyList<double[]> features,
        IReadOnlyList<double> targets, int folds = 5, ulong? shuffleSeed = null)
    {
        ArgumentNullException.ThrowIfNull(regressor);
        TrainingData.Validate(features, targets);
        var n = features.Count;
        if (folds < 2 || folds > n) throw new ArgumentOutOfRangeException(nameof(folds), folds, $"need 2 <= folds <= rows ({n})");
        var position = Enumerable.Range(0, n).ToArray();
        if (shuffleSeed is { } seed)
        {
            var rng = new Xoshiro256(seed);
            for (var i = n - 1; i > 0; i--)
            {
                var j = rng.NextInt(i + 1);
                (position[i], position[j]) = (position[j], position[i]);
            }
        }
        var foldOf = new int[n];
        for (var i = 0; i < n; i++) foldOf[position[i]] = i % folds;

        var predictions = new double[n];
        Parallel.For(0, folds, fold =>
        {
            var trainX = new List<double[]>();
            var trainY = new List<double>();
            for (var i = 0; i < n; i++)
                if (foldOf[i] != fold) { trainX.Add(features[i]); trainY.Add(targets[i]); }
            var model = regressor.CloneUntrained();
            model.Fit(trainX, trainY);
            for (var i = 0; i < n; i++)
                if (foldOf[i] == fold) predictions[i] = model.Predict(features[i]);
        });

        return Report(regressor.Name, folds, foldOf, predictions, targets.ToArray());
    }

    /// <summary>
    /// k-fold diagnostics of <see cref="ComponentMeanPredictor"/>: each component is cross-validated with the same
    /// folds and the out-of-fold predictions are averaged, then scored against the mean of the components.
    /// </summary>
    public static CrossValidationReport KFoldComponentMean(IMixtureRegressor prototype, IReadOnlyList<double[]> features,
        IReadOnlyList<IReadOnlyList<double>> components, int folds = 5, ulong? shuffleSeed = null)
    {
        ArgumentNullException.ThrowIfNull(prototype);
        if (components.Count == 0) throw new ArgumentException("need at least one component target", nameof(components));
        var target = ComponentMeanPredictor.MeanTarget(components);
        var n = target.Length;
        var predictions = new double[n];
        IReadOnlyList<int>? foldOf = null;
        foreach (var c in components)
        {
            var report = KFold(prototype, features, c, folds, shuffleSeed);
            foldOf = report.FoldOfRow;
            for (var i = 0; i < n; i++) predictions[i] += report.Predictions[i] / components.Count;
        }
        return Report(prototype.Name, folds, foldOf!, predictions, target);
    }

    private static CrossValidationReport Report(string name, int folds, IReadOnlyList<int> foldOf, double[] predictions, double[] actual)
    {
        var n = actual.Length;
        var foldSpearman = new double[folds];
        var foldMse = new double[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var p = new List<double>();
            var a = new List<double>();
            for (var i = 0; i < n; i++)
                if (foldOf[i] == fold) { p.Add(predictions[i]); a.Add(actual[i]); }
            foldSpearman[fold] = p.Count >= 2 ? RankCorrelation.Spearman(p, a) : double.NaN;
            foldMse[fold] = RankCorrelation.MeanSquaredError(p, a);
        }
        return new CrossValidationReport(name, folds, foldOf, predictions, RankCorrelation.Spearman(predictions, actual),
            RankCorrelation.MeanSquaredError(predictions, actual), foldSpearman, foldMse);
    }
}
