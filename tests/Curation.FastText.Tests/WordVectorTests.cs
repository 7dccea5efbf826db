using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>Word vectors (.vec) and word-vector models, against the files fastText itself writes.</summary>
public sealed class WordVectorTests(OracleModels models) : IClassFixture<OracleModels>
{
    [Theory]
    [InlineData("softmax-char")]
    [InlineData("hs")]
    public void VecFileIsByteIdenticalToFastTexts(string config)
    {
        var bin = models.Bin(config);
        using var dir = new TempDir("ft-vec");
        FastTextModel.Load(bin).SaveVectors(dir.File("m.vec"));
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(bin, ".vec")), File.ReadAllText(dir.File("m.vec")));
    }

    [Fact]
    public void SkipgramModelLoadsButRefusesToClassify()
    {
        using var dir = new TempDir("ft-sg");
        FastTextOracle.Run("skipgram", "-input", FastTextOracle.TestFile, "-output", dir.File("sg"), "-dim", "8", "-epoch", "1",
            "-minCount", "3", "-bucket", "5000", "-thread", "1", "-verbose", "0");
        var model = FastTextModel.Load(dir.File("sg.bin"));
        Assert.Equal(ModelName.SkipGram, model.Args.Model);
        model.SaveVectors(dir.File("copy.vec"));
        Assert.Equal(File.ReadAllText(dir.File("sg.vec")), File.ReadAllText(dir.File("copy.vec")));
        var (code, _, err) = FastTextOracle.CurationRaw("predict", dir.File("sg.bin"), FastTextOracle.TestFile);
        Assert.Equal(1, code);
        Assert.Contains("supervised", err);
    }
}
