namespace Curation.FastText.Tests;

/// <summary>Done-when 1: predict-prob output matches the fastText CLI line by line for models it trained.</summary>
public sealed class PredictParityTests(OracleModels models) : IClassFixture<OracleModels>
{
    [Theory]
    [InlineData("softmax")]
    [InlineData("hs")]
    [InlineData("ova")]
    [InlineData("ns")]
    [InlineData("softmax-char")]
    [InlineData("hs-char")]
    [InlineData("ova-char")]
    [InlineData("unigram")]
    public void PredictProbMatchesFastTextOnBin(string config)
    {
        var bin = models.Bin(config);
        foreach (var k in new[] { "1", "-1" })
        {
            var expected = FastTextOracle.Run("predict-prob", bin, FastTextOracle.TestFile, k);
            var actual = FastTextOracle.Curation("predict-prob", bin, FastTextOracle.TestFile, k);
            FastTextOracle.AssertParity(expected, actual);
        }
    }

    [Theory]
    [InlineData("softmax", false)]
    [InlineData("softmax-char", false)]
    [InlineData("hs", true)]
    [InlineData("ova-char", true)]
    public void PredictProbMatchesFastTextOnFtz(string config, bool prune)
    {
        var ftz = models.Ftz(config, prune);
        var expected = FastTextOracle.Run("predict-prob", ftz, FastTextOracle.TestFile, "2");
        var actual = FastTextOracle.Curation("predict-prob", ftz, FastTextOracle.TestFile, "2");
        FastTextOracle.AssertParity(expected, actual);
        Assert.True(FastTextModel.Load(ftz).IsQuantized);
    }

    [Theory]
    [InlineData("softmax-char", "3", "0.01")]
    [InlineData("hs", "-1", "0.2")]
    [InlineData("ova", "2", "0.5")]
    public void ThresholdAndKMatchFastText(string config, string k, string threshold)
    {
        var bin = models.Bin(config);
        var expected = FastTextOracle.Run("predict-prob", bin, FastTextOracle.TestFile, k, threshold);
        var actual = FastTextOracle.Curation("predict-prob", bin, FastTextOracle.TestFile, k, threshold);
        FastTextOracle.AssertParity(expected, actual);
    }

    [Theory]
    [InlineData("softmax-char")]
    [InlineData("ova")]
    public void EdgeCaseLinesAreByteIdentical(string config)
    {
        // UTF-8 n-grams, blank lines, \r \v \f, label-only lines, literal </s> tokens, no final newline.
        var bin = models.Bin(config);
        Assert.Equal(FastTextOracle.Run("predict-prob", bin, FastTextOracle.EdgeFile, "2"),
            FastTextOracle.Curation("predict-prob", bin, FastTextOracle.EdgeFile, "2"));
        Assert.Equal(FastTextOracle.Run("predict", bin, FastTextOracle.EdgeFile),
            FastTextOracle.Curation("predict", bin, FastTextOracle.EdgeFile));
        Assert.Equal(FastTextOracle.Run("test", bin, FastTextOracle.EdgeFile), FastTextOracle.Curation("test", bin, FastTextOracle.EdgeFile));
    }

    [Fact]
    public void TestCommandOutputIsIdentical()
    {
        var bin = models.Bin("softmax");
        Assert.Equal(FastTextOracle.Run("test", bin, FastTextOracle.TestFile), FastTextOracle.Curation("test", bin, FastTextOracle.TestFile));
        Assert.Equal(FastTextOracle.Run("test", bin, FastTextOracle.TestFile, "2"), FastTextOracle.Curation("test", bin, FastTextOracle.TestFile, "2"));
        using var dir = new Curation.Testing.TempDir("ft-nolabels");
        File.WriteAllText(dir.File("nolabels.txt"), "no labels here\nnor here\n");
        var empty = FastTextOracle.Curation("test", bin, dir.File("nolabels.txt"));
        Assert.Equal(FastTextOracle.Run("test", bin, dir.File("nolabels.txt")), empty);
        Assert.Contains("P@1\tnan", empty);
    }
}
