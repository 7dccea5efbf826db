using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>Done-when 2 and 3: Curation-trained models load in fastText, and train as well as fastText's.</summary>
public sealed class TrainingCompatibilityTests(OracleModels models) : IClassFixture<OracleModels>
{
    private static string[] Flags(string output, params string[] extra) =>
        ["supervised", "-input", FastTextOracle.TrainFile, "-output", output, "-dim", "16", "-wordNgrams", "2",
            "-bucket", "20000", "-thread", "1", "-seed", "0", "-epoch", "3", "-verbose", "0", .. extra];

    [Theory]
    [InlineData("softmax")]
    [InlineData("hs")]
    [InlineData("ova")]
    [InlineData("ns")]
    [InlineData("softmax-char")]
    public void CurationBinLoadsInFastTextWithSamePredictionsAndPrecision(string config)
    {
        using var dir = new TempDir("ft-train");
        var output = dir.File("curation");
        FastTextOracle.Curation(Flags(output, OracleModels.Configs[config]));
        var bin = output + ".bin";
        Assert.True(File.Exists(output + ".vec"));

        var fastTextSays = FastTextOracle.Run("predict-prob", bin, FastTextOracle.TestFile, "-1");
        var curationSays = FastTextOracle.Curation("predict-prob", bin, FastTextOracle.TestFile, "-1");
        FastTextOracle.AssertParity(fastTextSays, curationSays);

        var ours = FastTextOracle.ParsePrecision(FastTextOracle.Curation("test", bin, FastTextOracle.TestFile));
        var theirs = FastTextOracle.ParsePrecision(FastTextOracle.Run("test", models.Bin(config), FastTextOracle.TestFile));
        Assert.True(Math.Abs(ours - theirs) <= 0.005, $"P@1 {ours} vs fastText {theirs}");
        Assert.True(ours > 0.8, $"P@1 {ours} is too low for this data");
    }

    [Fact]
    public void SingleThreadTrainingWithASeedIsRepeatable()
    {
        using var dir = new TempDir("ft-seed");
        FastTextOracle.Curation(Flags(dir.File("a"), "-minn", "2", "-maxn", "4"));
        FastTextOracle.Curation(Flags(dir.File("b"), "-minn", "2", "-maxn", "4"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.bin")), File.ReadAllBytes(dir.File("b.bin")));
        FastTextOracle.Curation(Flags(dir.File("c"), "-minn", "2", "-maxn", "4", "-seed", "7"));
        Assert.NotEqual(File.ReadAllBytes(dir.File("a.bin")), File.ReadAllBytes(dir.File("c.bin")));
    }

    [Fact]
    public void HogwildTrainingWithTwoThreadsReachesTheSamePrecision()
    {
        using var dir = new TempDir("ft-threads");
        var args = Flags(dir.File("m"));
        args[Array.IndexOf(args, "-thread") + 1] = "2";
        FastTextOracle.Curation(args);
        var ours = FastTextOracle.ParsePrecision(FastTextOracle.Curation("test", dir.File("m.bin"), FastTextOracle.TestFile));
        var theirs = FastTextOracle.ParsePrecision(FastTextOracle.Run("test", models.Bin("softmax"), FastTextOracle.TestFile));
        Assert.True(Math.Abs(ours - theirs) <= 0.01, $"P@1 {ours} vs fastText {theirs}");
    }

    [Fact]
    public void CurationQuantizedFtzLoadsInFastText()
    {
        using var dir = new TempDir("ft-quant");
        var output = dir.File("m");
        FastTextOracle.Curation(Flags(output, "-minn", "3", "-maxn", "5"));
        FastTextOracle.Curation("quantize", "-input", FastTextOracle.TrainFile, "-output", output, "-qnorm", "-cutoff", "4000", "-retrain", "-epoch", "1", "-thread", "1");
        var ftz = output + ".ftz";
        Assert.True(new FileInfo(ftz).Length < new FileInfo(output + ".bin").Length / 4);
        FastTextOracle.AssertParity(FastTextOracle.Run("predict-prob", ftz, FastTextOracle.TestFile, "2"),
            FastTextOracle.Curation("predict-prob", ftz, FastTextOracle.TestFile, "2"));
        var quantized = FastTextOracle.ParsePrecision(FastTextOracle.Run("test", ftz, FastTextOracle.TestFile));
        var dense = FastTextOracle.ParsePrecision(FastTextOracle.Run("test", output + ".bin", FastTextOracle.TestFile));
        Assert.True(quantized > dense - 0.03, $"quantized P@1 {quantized} vs dense {dense}");
    }

    [Fact]
    public void SaveLoadRoundTripIsByteIdentical()
    {
        using var dir = new TempDir("ft-roundtrip");
        var model = FastTextModel.Load(models.Bin("hs-char"));
        model.Save(dir.File("copy.bin"));
        Assert.Equal(File.ReadAllBytes(models.Bin("hs-char")), File.ReadAllBytes(dir.File("copy.bin")));
        var ftz = FastTextModel.Load(models.Ftz("softmax", prune: false));
        ftz.Save(dir.File("copy.ftz"));
        Assert.Equal(File.ReadAllBytes(models.Ftz("softmax", prune: false)), File.ReadAllBytes(dir.File("copy.ftz")));
    }

    [Fact]
    public void TrainingErrorsAreClear()
    {
        using var dir = new TempDir("ft-err");
        var (code, _, err) = FastTextOracle.CurationRaw("supervised", "-input", dir.File("missing.txt"), "-output", dir.File("m"));
        Assert.Equal(1, code);
        Assert.Contains("cannot be opened for training", err);
        File.WriteAllText(dir.File("nolabels.txt"), "just words\nand more words\n");
        (code, _, err) = FastTextOracle.CurationRaw("supervised", "-input", dir.File("nolabels.txt"), "-output", dir.File("m"));
        Assert.Equal(1, code);
        Assert.Contains("no labels", err);
        (code, _, err) = FastTextOracle.CurationRaw("supervised", "-input", FastTextOracle.TrainFile, "-output", dir.File("m"), "-loss", "nope");
        Assert.Equal(1, code);
        Assert.Contains("Unknown loss: nope", err);
        (code, _, err) = FastTextOracle.CurationRaw("supervised", "-input", FastTextOracle.TrainFile, "-output", dir.File("m"), "-dim");
        Assert.Equal(1, code);
        Assert.Contains("-dim is missing an argument", err);
    }
}
