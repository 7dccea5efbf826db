using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>Seeded random damage to real model files: loading either fails with FastTextFormatException or yields a model that predicts.</summary>
public sealed class CorruptionFuzzTests(OracleModels models) : IClassFixture<OracleModels>
{
    [Theory]
    [InlineData("hs-char", false)]
    [InlineData("ova", false)]
    [InlineData("softmax", true)]
    public void RandomDamageNeverCrashesOrHangs(string config, bool quantized)
    {
        var original = File.ReadAllBytes(quantized ? models.Ftz(config, prune: true) : models.Bin(config));
        var lines = File.ReadLines(FastTextOracle.TestFile).Take(20).ToArray();
        var rng = new Random(12345);
        using var dir = new TempDir("ft-fuzz");
        var path = dir.File("damaged.bin");
        for (var trial = 0; trial < 40; trial++)
        {
            var bytes = (byte[])original.Clone();
            // Mostly the header and dictionary, where a flipped byte changes structure rather than a weight.
            var limit = trial % 3 == 0 ? bytes.Length : Math.Min(bytes.Length, 4096);
            for (var flips = 1 + rng.Next(4); flips > 0; flips--) bytes[rng.Next(limit)] = (byte)rng.Next(256);
            if (trial % 5 == 0) bytes = bytes[..rng.Next(bytes.Length)];
            File.WriteAllBytes(path, bytes);
            FastTextModel model;
            try
            {
                model = FastTextModel.Load(path);
            }
            catch (FastTextFormatException e)
            {
                Assert.Contains(path, e.Message);
                continue;
            }
            foreach (var line in lines) model.Predict(line, 2);
        }
    }
}
