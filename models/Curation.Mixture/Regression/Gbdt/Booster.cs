namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// Boosting on one set of training rows, one tree per <see cref="Step"/>, keeping the held-out rows' predictions up
/// to date so a caller can watch their loss round by round (single boosters and the lockstep boosters of
/// cross-validated early stopping both use it).
/// </summary>
internal sealed class Booster
{
    private readonly IReadOnlyList<double[]> _x;
    private readonly IReadOnlyList<double> _y;
    private readonly int[] _train;
    private readonly int[] _valid;
    private readonly TreeGrower _grower;
    private readonly double[] _pred;
    private readonly double[] _validPred;
    private readonly double[] _gradients;
    private readonly int[] _rowLeaf;

    public Booster(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int[] train, int[] valid, int featureCount, GbdtOptions options)
    {
        _x = x;
        _y = y;
        _train = train;
        _valid = valid;
        var binner = FeatureBinner.Fit(x, train, featureCount, options.MaxBins);
        _grower = new TreeGrower(binner, binner.BinColumns(x, train), train.Length, options);
        var init = 0.0;
        foreach (var i in train) init += y[i];
        InitialScore = init / train.Length;
        _pred = new double[train.Length];
        Array.Fill(_pred, InitialScore);
        _validPred = new double[valid.Length];
        Array.Fill(_validPred, InitialScore);
        _gradients = new double[train.Length];
        _rowLeaf = new int[train.Length];
        ValidMeanSquaredError = MeanSquaredError();
    }

    /// <summary>The starting score: the training rows' mean target (LightGBM's boost_from_average).</summary>
    public double InitialScore { get; }

    /// <summary>The trees so far.</summary>
    public List<RegressionTree> Trees { get; } = [];

    /// <summary>False once a tree could not split: boosting has converged and further rounds would add nothing.</summary>
    public bool CanImprove { get; private set; } = true;

    /// <summary>Mean squared error on the held-out rows after the trees so far (0 without held-out rows).</summary>
    public double ValidMeanSquaredError { get; private set; }

    /// <summary>Grows and adds one tree; returns false (and adds nothing) when no split is possible.</summary>
    public bool Step()
    {
        if (!CanImprove) return false;
        for (var k = 0; k < _train.Length; k++) _gradients[k] = _pred[k] - _y[_train[k]];
        var tree = _grower.Grow(_gradients, _rowLeaf);
        // Like LightGBM: a tree that cannot split ends training (it would only add a constant).
        if (tree.LeafCount < 2)
        {
            CanImprove = false;
            return false;
        }
        Trees.Add(tree);
        for (var k = 0; k < _train.Length; k++) _pred[k] += tree.LeafValue[_rowLeaf[k]];
        for (var k = 0; k < _valid.Length; k++) _validPred[k] += tree.Predict(_x[_valid[k]]);
        ValidMeanSquaredError = MeanSquaredError();
        return true;
    }

    private double MeanSquaredError()
    {
        if (_valid.Length == 0) return 0;
        var sum = 0.0;
        for (var k = 0; k < _valid.Length; k++)
        {
            var e = _validPred[k] - _y[_valid[k]];
            sum += e * e;
        }
        return sum / _valid.Length;
    }
}
