using Curation.Mixture.Regression;

namespace Curation.Mixture.Tests.Regression;

public class LinearRegressorTests
{
    [Fact]
    public void Ridge_ExactLinearData_RecoversCoefficients()
    {
        var (x, y) = SyntheticData.Make(100, 3, r => 1.5 + 2 * r[0] - 3 * r[1] + 0.5 * r[2], noise: 0, seed: 1);
        var model = new RidgeRegressor(alpha: 0);
        model.Fit(x, y);
        Assert.Equal(1.5, model.Intercept, 6);
        Assert.Equal([2, -3, 0.5], model.Coefficients.Select(c => Math.Round(c, 6)).ToArray());
    }

    [Fact]
    public void Ridge_SimplexFeatures_StillSolvable()
    {
        // Weights summing to 1 make the intercept collinear with the features; the ridge term keeps the fit defined.
        double[][] x = [[0.2, 0.8], [0.5, 0.5], [0.9, 0.1], [0.3, 0.7]];
        var y = x.Select(r => 3 - r[0]).ToArray();
        var model = new RidgeRegressor();
        model.Fit(x, y);
        for (var i = 0; i < x.Length; i++) Assert.Equal(y[i], model.Predict(x[i]), 3);
    }

    [Fact]
    public void Ridge_Penalty_ShrinksCoefficients()
    {
        var (x, y) = SyntheticData.Make(50, 2, r => 4 * r[0], noise: 0.1, seed: 2);
        var loose = new RidgeRegressor(0);
        var tight = new RidgeRegressor(10);
        loose.Fit(x, y);
        tight.Fit(x, y);
        Assert.True(Math.Abs(tight.Coefficients[0]) < Math.Abs(loose.Coefficients[0]) / 2);
    }

    [Fact]
    public void LogLinear_ExponentialLaw_RecoversParameters()
    {
        var (x, y) = SyntheticData.Make(80, 3, r => 2.0 + Math.Exp(0.3 - 1.2 * r[0] + 0.4 * r[2]), noise: 0, seed: 3);
        var model = new LogLinearRegressor(offset: 2.0, alpha: 0);
        model.Fit(x, y);
        Assert.Equal(0.3, model.Intercept, 6);
        Assert.Equal(-1.2, model.Coefficients[0], 6);
        Assert.Equal(0.4, model.Coefficients[2], 6);
        Assert.Equal(2.0 + Math.Exp(0.3 - 0.6), model.Predict([0.5, 0.9, 0.0]), 6);
    }

    [Fact]
    public void LogLinear_TargetBelowOffset_Throws()
    {
        var model = new LogLinearRegressor(offset: 3);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => model.Fit([[0.1], [0.2], [0.3]], [3.5, 2.9, 4])).Message);
    }
}
