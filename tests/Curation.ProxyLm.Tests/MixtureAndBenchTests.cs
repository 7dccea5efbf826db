using Curation.ProxyLm.Config;
using Curation.ProxyLm.Training;

namespace Curation.ProxyLm.Tests;

public sealed class MixtureAndBenchTests
{
    private static readonly LmConfig Base = new()
    {
        Model = new ModelConfig { VocabSize = 256, ContextLength = 32, Layers = 1, Heads = 2, Width = 32 },
        Training = new TrainingConfig { BatchSize = 4, Steps = 10, Threads = 2 },
        Data = new DataConfig { Train = [new DataSource { Name = "a", Path = "a" }, new DataSource { Name = "b", Path = "b" }] },
    };

    [Fact]
    public void WithMixtureReweightsByNameAndSetsTheBudget()
    {
        var c = Base.WithMixture(new Dictionary<string, double> { ["b"] = 0.25 }, tokenBudget: 4 * 32 * 7, checkpoint: "run7.ckpt");
        Assert.Equal(new[] { 0.0, 0.25 }, c.Data.Train.Select(s => s.Weight));
        Assert.Equal(7, c.Training.EffectiveSteps(c.Model));
        Assert.Equal("run7.ckpt", c.Training.Checkpoint);
        Assert.Contains("'z'", Assert.Throws<ProxyLmConfigException>(() => Base.WithMixture(new Dictionary<string, double> { ["z"] = 1 }, 100)).Message);
        Assert.Throws<ProxyLmConfigException>(() => Base.WithMixture(new Dictionary<string, double> { ["a"] = 0 }, 100));
    }

    [Fact]
    public void BenchmarkReportsThroughputAndAFractionOfPeak()
    {
        var r = ProxyBenchmark.Run(Base, seconds: 0.2, minSteps: 3);
        Assert.True(r.Steps >= 3);
        Assert.True(r.TokensPerSecond > 0 && r.MillisecondsPerStep > 0);
        Assert.Equal(4 * 32 / r.TokensPerSecond * 1000, r.MillisecondsPerStep, 6);
        Assert.InRange(r.FirstLoss, Math.Log(256) - 0.1, Math.Log(256) + 0.1);
        Assert.True(r.LastLoss < r.FirstLoss);
        Assert.True(r.FractionOfPeak > 0 && r.PeakGflopsPerSecond > 0);
    }
}
