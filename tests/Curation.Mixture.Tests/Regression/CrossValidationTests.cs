using Curation.Mixture.Regression;

namespace Curation.Mixture.Tests.Regression;

public class CrossValidationTests
{
    [Fact]
    public void KFold_AssignsRowsRoundRobinAndPredictsEveryRow()
    {
        var (x, y) = SyntheticData.Make(53, 3, r => r[0] - 2 * r[1], noise: 0.01, seed: 1);
        var report = CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 5);
        Assert.Equal(Enumerable.Range(0, 53).Select(i => i % 5), report.FoldOfRow);
        Assert.Equal(53, report.Predictions.Count);
        Assert.True(report.Spearman > 0.99);
        Assert.True(report.MeanSquaredError < 1e-3);
        Assert.Equal(5, report.FoldSpearman.Count);
        Assert.Equal("ridge", report.Regressor);
    }

    [Fact]
    public void KFold_HeldOutPredictionsComeFromModelsThatDidNotSeeTheRow()
    {
        // With y = row index parity and no signal in x, a model that had seen the row could memorise it;
        // out-of-fold predictions of a ridge fit stay near the mean instead.
        var (x, _) = SyntheticData.Make(40, 2, _ => 0, noise: 0, seed: 2);
        var y = Enumerable.Range(0, 40).Select(i => (double)(i % 2)).ToArray();
        var report = CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 4);
        Assert.All(report.Predictions, p => Assert.InRange(p, -0.5, 1.5));
        Assert.True(report.MeanSquaredError > 0.2);
    }

    [Fact]
    public void KFold_ShuffleSeed_IsDeterministicAndBalanced()
    {
        var (x, y) = SyntheticData.Make(30, 2, r => r[0], noise: 0.1, seed: 3);
        var a = CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 3, shuffleSeed: 9);
        var b = CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 3, shuffleSeed: 9);
        Assert.Equal(a.FoldOfRow, b.FoldOfRow);
        Assert.Equal(a.Predictions, b.Predictions);
        Assert.NotEqual(Enumerable.Range(0, 30).Select(i => i % 3), a.FoldOfRow);
        Assert.All(Enumerable.Range(0, 3), f => Assert.Equal(10, a.FoldOfRow.Count(v => v == f)));
    }

    [Fact]
    public void KFold_BadFoldCount_Throws()
    {
        var (x, y) = SyntheticData.Make(5, 2, r => r[0], noise: 0, seed: 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.KFold(new RidgeRegressor(), x, y, folds: 6));
    }
}
