using Curation.Mixture.Random;

namespace Curation.Mixture.Tests.Random;

public class GammaSamplerTests
{
    [Fact]
    public void Xoshiro256_SameSeed_SameStream()
    {
        var a = new Xoshiro256(42);
        var b = new Xoshiro256(42);
        var c = new Xoshiro256(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(sa, Enumerable.Range(0, 100).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(sa, Enumerable.Range(0, 100).Select(_ => c.NextUInt64()).ToArray());
    }

    [Fact]
    public void Xoshiro256_Core_MatchesReferenceVectors()
    {
        // Vigna's xoshiro256starstar.c from state {1, 2, 3, 4}; SplitMix64(0) is 0xE220A8397B1DCDAF.
        var rng = Xoshiro256.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
        Assert.Equal(0xE220A8397B1DCDAFUL, Xoshiro256.FirstSplitMix64(0));
    }

    [Fact]
    public void NextInt_IsUniform()
    {
        var rng = new Xoshiro256(7);
        var counts = new int[15];
        for (var i = 0; i < 150_000; i++) counts[rng.NextInt(15)]++;
        // Chi-square with 14 degrees of freedom: 36.1 is the 0.999 quantile.
        var chi = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        Assert.True(chi < 36.1, $"chi-square {chi}");
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.7)]
    [InlineData(40)]
    public void NextGamma_HasShapeMeanAndVariance(double shape)
    {
        var rng = new Xoshiro256(11);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var g = GammaSampler.NextGamma(rng, shape);
            Assert.True(g >= 0 && double.IsFinite(g));
            sum += g;
            sumSq += g * g;
        }
        var mean = sum / n;
        var variance = sumSq / n - mean * mean;
        // Standard error of the mean is sqrt(shape / n); allow 5 of them. The variance check is looser (heavy tails at small shapes).
        Assert.InRange(mean, shape - 5 * Math.Sqrt(shape / n), shape + 5 * Math.Sqrt(shape / n));
        if (shape >= 0.05) Assert.InRange(variance / shape, 0.9, 1.1);
    }

    [Fact]
    public void NextLogGamma_TinyShape_DoesNotUnderflow()
    {
        var rng = new Xoshiro256(3);
        for (var i = 0; i < 1000; i++) Assert.True(double.IsFinite(GammaSampler.NextLogGamma(rng, 1e-4)));
    }

    [Fact]
    public void NextDirichlet_SumsToOneWithExpectedMeans()
    {
        var rng = new Xoshiro256(5);
        double[] alpha = [0.02, 0.3, 1.5, 0.0, 4];
        var total = alpha.Sum();
        var mean = new double[alpha.Length];
        var w = new double[alpha.Length];
        const int n = 100_000;
        for (var i = 0; i < n; i++)
        {
            GammaSampler.NextDirichlet(rng, alpha, w);
            Assert.Equal(1.0, w.Sum(), 9);
            Assert.Equal(0.0, w[3]);
            for (var j = 0; j < w.Length; j++) mean[j] += w[j] / n;
        }
        for (var j = 0; j < alpha.Length; j++) Assert.Equal(alpha[j] / total, mean[j], 2);
    }

    [Fact]
    public void NextDirichlet_AllTinyConcentrations_StillValid()
    {
        var rng = new Xoshiro256(9);
        var alpha = Enumerable.Repeat(1e-5, 17).ToArray();
        var w = new double[17];
        for (var i = 0; i < 1000; i++)
        {
            GammaSampler.NextDirichlet(rng, alpha, w);
            Assert.Equal(1.0, w.Sum(), 9);
            Assert.All(w, v => Assert.False(double.IsNaN(v)));
        }
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var rng = new Xoshiro256(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaSampler.NextGamma(rng, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaSampler.NextGamma(rng, double.NaN));
        Assert.Throws<ArgumentException>(() => GammaSampler.NextDirichlet(rng, new double[] { 0, 0 }, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }
}
