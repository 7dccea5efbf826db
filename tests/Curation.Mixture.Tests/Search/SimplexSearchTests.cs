using Curation.Mixture.Regression;
using Curation.Mixture.Regression.Gbdt;
using Curation.Mixture.Sampling;
using Curation.Mixture.Search;

namespace Curation.Mixture.Tests.Search;

public class SimplexSearchTests
{
    private static readonly string[] Domains = ["web", "code", "books", "wiki", "math"];
    private static readonly long[] Tokens = [5_000, 2_000, 1_500, 1_000, 500];

    /// <summary>A ridge model fitted to loss = Σ cⱼ wⱼ: lower is better, books (c = 1) is best.</summary>
    private static RidgeRegressor LinearLoss()
    {
        double[] c = [3, 2.5, 1, 2, 4];
        var rows = new RegMixSampler().Sample(Domains, Tokens, 64, seed: 1);
        var model = new RidgeRegressor(alpha: 0);
        model.Fit(rows, rows.Select(w => w.Zip(c, (a, b) => a * b).Sum()).ToArray());
        return model;
    }

    [Fact]
    public void Run_LinearLoss_PushesWeightToTheBestDomainUpToItsCap()
    {
        var space = MixtureSpace.Create(Domains, Tokens, new MixtureConstraints { MaxEpochs = 4 });
        var result = SimplexSearch.Run(LinearLoss(), space, samples: 100_000, topK: 100, seed: 3);
        var w = result.Weights;
        Assert.Equal(1.0, w.Sum(), 9);
        Assert.True(space.Contains(w.ToArray(), 1e-9));
        // books is capped at 4 × 1,500 / 10,000 = 0.6; the best mixtures sit close to that cap.
        Assert.InRange(w[2], 0.5, 0.6);
        Assert.True(w[3] > w[4], "wiki (c = 2) should outweigh math (c = 4)");
        Assert.Equal(100, result.TopPredictions.Count);
        Assert.True(result.TopPredictions.Zip(result.TopPredictions.Skip(1), (a, b) => a <= b).All(x => x));
        Assert.True(result.Attempts >= result.Evaluated);
    }

    [Fact]
    public void Run_SameSeed_SameResultForAnyThreadCount()
    {
        var (x, y) = Regression.SyntheticData.Make(120, 5, r => Math.Sin(3 * r[0]) + r[1] * r[2], noise: 0.05, seed: 2);
        var model = new GbdtRegressor();
        model.Fit(x, y);
        var space = MixtureSpace.Create(Domains, Tokens);
        var one = SimplexSearch.Run(model, space, samples: 40_000, topK: 50, seed: 9, maxDegreeOfParallelism: 1);
        var two = SimplexSearch.Run(model, space, samples: 40_000, topK: 50, seed: 9, maxDegreeOfParallelism: 2);
        var other = SimplexSearch.Run(model, space, samples: 40_000, topK: 50, seed: 10);
        Assert.Equal(one.Weights, two.Weights);
        Assert.Equal(one.PredictedTarget, two.PredictedTarget);
        Assert.NotEqual(one.Weights, other.Weights);
    }

    [Fact]
    public void Run_RespectsFixedAndMaximumWeights()
    {
        var c = new MixtureConstraints
        {
            FixedWeights = new Dictionary<string, double> { ["math"] = 0.05 },
            MaxWeights = new Dictionary<string, double> { ["books"] = 0.2 },
        };
        var space = MixtureSpace.Create(Domains, Tokens, c);
        var result = SimplexSearch.Run(LinearLoss(), space, samples: 20_000, topK: 20, seed: 4);
        Assert.Equal(0.05, result.Weights[4], 12);
        Assert.True(result.Weights[2] <= 0.2 + 1e-12);
        Assert.Equal(1.0, result.Weights.Sum(), 9);
    }

    [Fact]
    public void Run_BadArguments_Throw()
    {
        var space = MixtureSpace.Create(Domains, Tokens);
        Assert.Throws<ArgumentOutOfRangeException>(() => SimplexSearch.Run(LinearLoss(), space, samples: 10, topK: 11));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimplexSearch.Run(LinearLoss(), space, samples: 0));
    }
}
