namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// Curation's histogram gradient-boosted trees for squared loss: ≤ 255 bins per feature, leaf-wise trees of up
/// to 31 leaves, learning rate 0.01, up to 1000 rounds with early stopping on held-out runs (see
/// <see cref="GbdtOptions"/>). Fully deterministic: no sampling of rows or features.
/// </summary>
public sealed class GbdtRegressor : IMixtureRegressor
{
    private RegressionTree[] _trees = [];
    private CompiledForest _forest = new([]);
    private int _featureCount;

    /// <summary>Creates an unfitted model; null options mean the defaults.</summary>
    public GbdtRegressor(GbdtOptions? options = null)
    {
        Options = options ?? new GbdtOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public GbdtOptions Options { get; }

    /// <inheritdoc />
    public string Name => "gbdt";

    /// <summary>The starting score (mean target), as LightGBM's boost_from_average.</summary>
    public double InitialScore { get; private set; }

    /// <summary>Number of trees in the fitted model (the best round count when early stopping ran).</summary>
    public int TreeCount => _trees.Length;

    /// <summary>
    /// Fits on all rows. With early stopping (the default) the number of rounds is chosen first by
    /// <see cref="GbdtOptions.EarlyStoppingFolds"/>-fold cross-validation on the rows (row i held out in fold
    /// i mod k; the folds boost in lockstep and training stops when their mean held-out L2 has not improved for
    /// <see cref="GbdtOptions.EarlyStoppingRounds"/> rounds, as LightGBM's cv with early stopping), then the model is
    /// refitted on every row with that many rounds, so no run of a small table is spent only on validation.
    /// </summary>
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        _featureCount = TrainingData.Validate(features, targets);
        var n = features.Count;
        var rounds = Options.MaxRounds;
        // Every inner fold needs at least two held-out rows to measure anything.
        var folds = Math.Min(Options.EarlyStoppingFolds, n / 2);
        if (Options.EarlyStoppingRounds > 0 && folds >= 2) rounds = CrossValidatedRounds(features, targets, folds);
        var booster = new Booster(features, targets, Enumerable.Range(0, n).ToArray(), [], _featureCount, Options);
        while (booster.Trees.Count < rounds && booster.Step()) { }
        InitialScore = booster.InitialScore;
        _trees = [.. booster.Trees];
        _forest = new CompiledForest(_trees);
    }

    /// <summary>Fits on the training runs with early stopping on the given held-out runs (RegMix's protocol; no refit).</summary>
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets,
        IReadOnlyList<double[]> validFeatures, IReadOnlyList<double> validTargets)
    {
        _featureCount = TrainingData.Validate(features, targets);
        var validWidth = TrainingData.Validate(validFeatures, validTargets, minRows: 1);
        if (validWidth != _featureCount) throw new ArgumentException($"validation rows have {validWidth} features, training rows {_featureCount}", nameof(validFeatures));
        var all = features.Concat(validFeatures).ToArray();
        var y = targets.Concat(validTargets).ToArray();
        var train = Enumerable.Range(0, features.Count).ToArray();
        var valid = Enumerable.Range(features.Count, validFeatures.Count).ToArray();
        var booster = new Booster(all, y, train, valid, _featureCount, Options);
        var best = double.PositiveInfinity;
        var bestRounds = 0;
        while (booster.Trees.Count < Options.MaxRounds && booster.Step())
        {
            if (booster.ValidMeanSquaredError < best)
            {
                best = booster.ValidMeanSquaredError;
                bestRounds = booster.Trees.Count;
            }
            else if (Options.EarlyStoppingRounds > 0 && booster.Trees.Count - bestRounds >= Options.EarlyStoppingRounds) break;
        }
        InitialScore = booster.InitialScore;
        _trees = [.. booster.Trees.Take(bestRounds)];
        _forest = new CompiledForest(_trees);
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features)
    {
        TrainingData.CheckWidth(_featureCount, features.Length);
        var s = InitialScore;
        foreach (var t in _trees) s += t.Predict(features);
        return s;
    }

    /// <inheritdoc />
    public void PredictMany(ReadOnlySpan<double> rowMajor, int featureCount, Span<double> output)
    {
        TrainingData.CheckWidth(_featureCount, featureCount);
        if (rowMajor.Length < output.Length * featureCount) throw new ArgumentException("fewer feature values than rows × features", nameof(rowMajor));
        output.Fill(InitialScore);
        _forest.AddPredictions(rowMajor, featureCount, output);
    }

    /// <inheritdoc />
    public IMixtureRegressor CloneUntrained() => new GbdtRegressor(Options);

    /// <summary>The round count at which the lockstep boosters' mean held-out L2 was lowest.</summary>
    private int CrossValidatedRounds(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int folds)
    {
        var n = x.Count;
        var boosters = new Booster[folds];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, n).Where(i => i % folds != f).ToArray();
            var valid = Enumerable.Range(0, n).Where(i => i % folds == f).ToArray();
            boosters[f] = new Booster(x, y, train, valid, _featureCount, Options);
        }
        var best = double.PositiveInfinity;
        var bestRounds = 0;
        for (var round = 1; round <= Options.MaxRounds; round++)
        {
            var grew = false;
            foreach (var b in boosters) grew |= b.Step();
            if (!grew) break;
            var loss = 0.0;
            foreach (var b in boosters) loss += b.ValidMeanSquaredError;
            loss /= folds;
            if (loss < best)
            {
                best = loss;
                bestRounds = round;
            }
            else if (round - bestRounds >= Options.EarlyStoppingRounds) break;
        }
        return bestRounds;
    }
}
