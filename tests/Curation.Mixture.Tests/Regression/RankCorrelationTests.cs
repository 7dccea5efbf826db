using Curation.Mixture.Statistics;

namespace Curation.Mixture.Tests.Regression;

public class RankCorrelationTests
{
    [Fact]
    public void Spearman_WithTies_MatchesScipy()
    {
        // scipy.stats.spearmanr([1,2,2,3,5,5,5,0.5], [3,1,4,1,5,9,2,6]).correlation
        Assert.Equal(0.055572498390824586, RankCorrelation.Spearman([1, 2, 2, 3, 5, 5, 5, 0.5], [3, 1, 4, 1, 5, 9, 2, 6]), 12);
    }

    [Fact]
    public void Ranks_TiesGetAverageRank()
    {
        Assert.Equal([2.5, 1, 2.5, 4], RankCorrelation.Ranks([7, 3, 7, 9]));
    }

    [Fact]
    public void Spearman_MonotoneAndReversed()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, RankCorrelation.Spearman(x, x.Select(v => Math.Exp(v)).ToArray()), 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, x.Select(v => -v * v).ToArray()), 12);
        Assert.True(double.IsNaN(RankCorrelation.Spearman(x, [2, 2, 2, 2, 2])));
        Assert.Throws<ArgumentException>(() => RankCorrelation.Spearman([1, 2], [1]));
    }

    [Fact]
    public void MeanSquaredError_Computes()
    {
        Assert.Equal(2.5, RankCorrelation.MeanSquaredError([1, 2], [2, 4]), 12);
    }
}
