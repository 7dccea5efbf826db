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
    /// Fits with early stopping on every round(1 / ValidationFraction)-th row, then (by default) refits on all rows
    /// with the chosen number of rounds. Without early stopping, trains MaxRounds on all rows.
    /// </summary>
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        _featureCount = TrainingData.Validate(features, targets);
        var n = features.Count;
        var stride = Options.ValidationFraction > 0 ? (int)Math.Round(1 / Options.ValidationFraction) : 0;
        if (Options.EarlyStoppingRounds == 0 || stride < 2 || n / stride < 2)
        {
            (InitialScore, _trees) = Boost(features, targets, Enumerable.Range(0, n).ToArray(), [], Options.MaxRounds);
            _forest = new CompiledForest(_trees);
            return;
        }
        var train = new List<int>();
        var valid = new List<int>();
        for (var i = 0; i < n; i++) (i % stride == stride - 1 ? valid : train).Add(i);
        (InitialScore, _trees) = Boost(features, targets, [.. train], [.. valid], Options.MaxRounds);
        if (Options.RefitOnAllRows)
            (InitialScore, _trees) = Boost(features, targets, Enumerable.Range(0, n).ToArray(), [], _trees.Length);
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
        (InitialScore, _trees) = Boost(all, y, train, valid, Options.MaxRounds);
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

    private (double Init, RegressionTree[] Trees) Boost(IReadOnlyList<double[]> x, IReadOnlyList<double> y,
        int[] train, int[] valid, int maxRounds)
    {
        var n = train.Length;
        var binner = FeatureBinner.Fit(x, train, _featureCount, Options.MaxBins);
        var bins = binner.BinColumns(x, train);
        var grower = new TreeGrower(binner, bins, n, Options);
        var init = 0.0;
        foreach (var i in train) init += y[i];
        init /= n;
        var pred = new double[n];
        Array.Fill(pred, init);
        var validPred = new double[valid.Length];
        Array.Fill(validPred, init);
        var gradients = new double[n];
        var rowLeaf = new int[n];
        var trees = new List<RegressionTree>();
        var bestLoss = double.PositiveInfinity;
        var bestRounds = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            for (var k = 0; k < n; k++) gradients[k] = pred[k] - y[train[k]];
            var tree = grower.Grow(gradients, rowLeaf);
            // Like LightGBM: a tree that cannot split ends training (it would only add a constant).
            if (tree.LeafCount < 2) break;
            trees.Add(tree);
            for (var k = 0; k < n; k++) pred[k] += tree.LeafValue[rowLeaf[k]];
            if (valid.Length == 0) continue;
            var loss = 0.0;
            for (var k = 0; k < valid.Length; k++)
            {
                validPred[k] += tree.Predict(x[valid[k]]);
                var e = validPred[k] - y[valid[k]];
                loss += e * e;
            }
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestRounds = trees.Count;
            }
            else if (Options.EarlyStoppingRounds > 0 && trees.Count - bestRounds >= Options.EarlyStoppingRounds) break;
        }
        if (valid.Length > 0 && trees.Count > bestRounds) trees.RemoveRange(bestRounds, trees.Count - bestRounds);
        return (init, [.. trees]);
    }
}
