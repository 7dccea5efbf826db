using Curation.Dedup.MinHash;

namespace Curation.Dedup.Tests;

public class MinHashTests
{
    private static readonly MinHasher Hasher = new(new MinHashOptions());

    private static ulong[] Sign(string text, MinHasher? hasher = null)
    {
        hasher ??= Hasher;
        var sig = new ulong[hasher.Options.SignatureLength];
        Assert.True(hasher.TryCompute(text, sig));
        return sig;
    }

    private static string Words(int count, int offset = 0) =>
        string.Join(' ', Enumerable.Range(offset, count).Select(i => $"w{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}{(char)('a' + i / 676 % 26)}"));

    [Fact]
    public void TryCompute_SameSimplifiedText_SameSignature()
    {
        Assert.Equal(Sign("The quick brown fox jumps over the lazy dog."), Sign("the QUICK, brown fox -- jumps over the lazy dog"));
    }

    [Fact]
    public void TryCompute_EmptyAfterSimplification_ReturnsFalse()
    {
        Assert.False(Hasher.TryCompute("  ... !!! ", new ulong[112]));
    }

    [Fact]
    public void TryCompute_ShortText_IsOneShingle()
    {
        Assert.Equal(Sign("two words"), Sign("Two, words!"));
        Assert.NotEqual(Sign("two words"), Sign("two birds"));
    }

    [Fact]
    public void EstimateJaccard_TracksTrueShingleJaccard()
    {
        // 1,000 words; the second text shares the first 600: 5-gram Jaccard = 596 / (996 + 400) ≈ 0.427.
        var hasher = new MinHasher(new MinHashOptions { Bands = 64, Rows = 8 });
        string a = Words(1000);
        string b = Words(600) + " " + Words(400, 5000);
        double truth = 596.0 / (996 + 400);
        double estimate = MinHasher.EstimateJaccard(Sign(a, hasher), Sign(b, hasher));
        Assert.InRange(estimate, truth - 0.08, truth + 0.08);
    }

    [Fact]
    public void Signature_DependsOnSeed_AndIsReproducible()
    {
        var other = new MinHasher(new MinHashOptions { Seed = 2 });
        string text = Words(50);
        Assert.Equal(Sign(text), Sign(text, new MinHasher(new MinHashOptions())));
        Assert.NotEqual(Sign(text), Sign(text, other));
        Assert.All(Sign(text), v => Assert.True(v < MinHasher.MersennePrime));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.8)]
    [InlineData(0.9)]
    public void ForThreshold_PutsTheSCurveKneeNearTheThreshold(double threshold)
    {
        var options = MinHashOptions.ForThreshold(threshold);
        Assert.True(options.SignatureLength <= 112);
        double knee = Math.Pow(1.0 / options.Bands, 1.0 / options.Rows);
        Assert.InRange(knee, threshold - 0.12, threshold + 0.12);
        Assert.True(LshParameters.CandidateProbability(threshold + 0.15, options.Bands, options.Rows) > 0.8);
        Assert.True(LshParameters.CandidateProbability(threshold - 0.25, options.Bands, options.Rows) < 0.2);
    }

    [Fact]
    public void ForThreshold_HigherThreshold_UsesMoreRowsPerBand()
    {
        Assert.True(MinHashOptions.ForThreshold(0.9).Rows > MinHashOptions.ForThreshold(0.5).Rows);
    }

    [Fact]
    public void DatatroveDefaults_CandidateProbabilityAt08_Is0924()
    {
        Assert.Equal(0.924, LshParameters.CandidateProbability(0.8, 14, 8), 3);
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(new MinHashOptions { Bands = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MinHasher(new MinHashOptions { NGram = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LshParameters.Optimal(1.0, 112));
    }
}
