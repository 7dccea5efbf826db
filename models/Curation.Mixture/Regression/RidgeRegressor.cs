namespace Curation.Mixture.Regression;

/// <summary>
/// Ridge linear regression with an unpenalised intercept, RegMix's linear baseline. Mixture weights sum to 1,
/// which makes plain least squares singular; the small default penalty picks the minimum-norm-like solution.
/// </summary>
public sealed class RidgeRegressor : IMixtureRegressor
{
    private double[] _coefficients = [];

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="alpha">
    /// Penalty relative to the mean feature variance: the absolute penalty is alpha × trace(XcᵀXc) / d, so the
    /// same alpha suits any number of runs and domains.
    /// </param>
    public RidgeRegressor(double alpha = 1e-3)
    {
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must not be negative");
        Alpha = alpha;
    }

    /// <summary>The relative ridge penalty.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public string Name => "ridge";

    /// <summary>The fitted intercept.</summary>
    public double Intercept { get; private set; }

    /// <summary>The fitted coefficient of each feature.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        var d = TrainingData.Validate(features, targets);
        (_coefficients, Intercept) = Solve(features, targets, d, Alpha);
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features)
    {
        TrainingData.CheckWidth(_coefficients.Length, features.Length);
        var s = Intercept;
        for (var i = 0; i < features.Length; i++) s += _coefficients[i] * features[i];
        return s;
    }

    /// <inheritdoc />
    public IMixtureRegressor CloneUntrained() => new RidgeRegressor(Alpha);

    /// <summary>Centred normal equations with a ridge term, solved by Cholesky.</summary>
    internal static (double[] Beta, double Intercept) Solve(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int d, double alpha)
    {
        var n = x.Count;
        var meanX = new double[d];
        var meanY = 0.0;
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < d; j++) meanX[j] += x[r][j];
            meanY += y[r];
        }
        for (var j = 0; j < d; j++) meanX[j] /= n;
        meanY /= n;
        var a = new double[d * d];
        var b = new double[d];
        var c = new double[d];
        for (var r = 0; r < n; r++)
        {
            for (var j = 0; j < d; j++) c[j] = x[r][j] - meanX[j];
            var yc = y[r] - meanY;
            for (var j = 0; j < d; j++)
            {
                b[j] += c[j] * yc;
                for (var k = 0; k <= j; k++) a[j * d + k] += c[j] * c[k];
            }
        }
        var trace = 0.0;
        for (var j = 0; j < d; j++) trace += a[j * d + j];
        // A floor keeps the system positive definite when every feature is constant.
        var lambda = Math.Max(alpha * trace / d, 1e-12 * Math.Max(trace / d, 1.0));
        for (var j = 0; j < d; j++) a[j * d + j] += lambda;
        var beta = Cholesky.Solve(a, b, d);
        var intercept = meanY;
        for (var j = 0; j < d; j++) intercept -= beta[j] * meanX[j];
        return (beta, intercept);
    }
}
