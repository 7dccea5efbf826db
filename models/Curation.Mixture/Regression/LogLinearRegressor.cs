using System.Globalization;

namespace Curation.Mixture.Regression;

/// <summary>
/// Olmix's default log-linear law: loss = offset + exp(b + Σ tⱼ wⱼ), fitted as ridge regression of
/// log(loss − offset) on the weights. The exponential keeps predictions above the offset and makes the effect of
/// a domain multiplicative, which matches how losses respond to mixture changes better than a straight line.
/// </summary>
public sealed class LogLinearRegressor : IMixtureRegressor
{
    private readonly RidgeRegressor _inner;

    /// <summary>Creates an unfitted model.</summary>
    /// <param name="offset">Irreducible-loss floor subtracted before taking the log (0: plain log-linear); targets must exceed it.</param>
    /// <param name="alpha">Relative ridge penalty, as in <see cref="RidgeRegressor"/>.</param>
    public LogLinearRegressor(double offset = 0, double alpha = 1e-3)
    {
        if (!double.IsFinite(offset)) throw new ArgumentOutOfRangeException(nameof(offset), offset, "must be finite");
        Offset = offset;
        _inner = new RidgeRegressor(alpha);
    }

    /// <summary>The loss floor.</summary>
    public double Offset { get; }

    /// <inheritdoc />
    public string Name => "log_linear";

    /// <summary>The fitted intercept b of the exponent.</summary>
    public double Intercept => _inner.Intercept;

    /// <summary>The fitted per-domain exponents tⱼ.</summary>
    public IReadOnlyList<double> Coefficients => _inner.Coefficients;

    /// <inheritdoc />
    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        TrainingData.Validate(features, targets);
        var logs = new double[targets.Count];
        for (var i = 0; i < logs.Length; i++)
        {
            var excess = targets[i] - Offset;
            if (!(excess > 0))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"row {i}: target {targets[i]:R} is not above the log-linear offset {Offset:R}"), nameof(targets));
            logs[i] = Math.Log(excess);
        }
        _inner.Fit(features, logs);
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features) => Offset + Math.Exp(_inner.Predict(features));

    /// <inheritdoc />
    public IMixtureRegressor CloneUntrained() => new LogLinearRegressor(Offset, _inner.Alpha);
}
