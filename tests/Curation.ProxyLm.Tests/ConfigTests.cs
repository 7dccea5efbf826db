using Curation.ProxyLm.Config;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

public sealed class ConfigTests
{
    [Fact]
    public void BenchTinySampleIsExactlyTheIssueConfiguration()
    {
        var c = LmConfigLoader.Load(RepoPaths.Sample("lm", "bench-tiny.yaml"));
        Assert.Equal(new ModelConfig { VocabSize = 4096, ContextLength = 256, Layers = 2, Heads = 4, Width = 128, MlpWidth = 512, TiedEmbeddings = true }, c.Model);
        Assert.Equal(16, c.Training.BatchSize);
        Assert.Equal(256, c.Training.EffectiveSequenceLength(c.Model));
        Assert.Equal(3e-4f, c.Training.LearningRate);
        Assert.Equal(0.1f, c.Training.WeightDecay);
    }

    [Theory]
    [InlineData("regmix-1m.yaml", 2, 256)]
    [InlineData("regmix-60m.yaml", 10, 768)]
    public void RegMixSamplesAreTinyLlamaShaped(string file, int layers, int width)
    {
        var m = LmConfigLoader.Load(RepoPaths.Sample("lm", file)).Model;
        Assert.Equal((layers, width), (m.Layers, m.Width));
        Assert.Equal(("rope", 10000.0, false), (m.Positions, m.RopeTheta, m.Bias));
        Assert.Equal(("rmsnorm", "swiglu", false), (m.Norm, m.Mlp, m.TiedEmbeddings));
    }

    [Fact]
    public void PositionAndBiasDefaultsKeepTheGpt2Model()
    {
        var m = LmConfigLoader.Parse("training:\n  steps: 1\n", "/tmp").Model;
        Assert.Equal(("learned", 10000.0, true), (m.Positions, m.RopeTheta, m.Bias));
        var rope = LmConfigLoader.Parse("model:\n  positions: rope\n  rope_theta: 500000\n  bias: false\ntraining:\n  steps: 1\n", "/tmp").Model;
        Assert.Equal(("rope", 500000.0, false), (rope.Positions, rope.RopeTheta, rope.Bias));
    }

    [Fact]
    public void AllSamplesParse()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Sample("lm"), "*.yaml"))
        {
            var c = LmConfigLoader.Load(file);
            Assert.True(c.Model.Layers > 0, file);
        }
    }

    [Fact]
    public void UnknownKeyIsAnErrorWithLineAndColumn()
    {
        var e = Assert.Throws<ProxyLmConfigException>(() => LmConfigLoader.Parse("model:\n  width: 64\n  widht: 32\ntraining:\n  steps: 1\n", "/tmp", "run.yaml"));
        Assert.StartsWith("run.yaml:3:3:", e.Message);
        Assert.Contains("widht", e.Message);
    }

    [Theory]
    [InlineData("model:\n  width: 30\n  heads: 4\ntraining:\n  steps: 1\n", "must divide")]
    [InlineData("training:\n  steps: 0\n", "training.steps or training.token_budget")]
    [InlineData("model:\n  norm: batchnorm\ntraining:\n  steps: 1\n", "'layernorm' or 'rmsnorm'")]
    [InlineData("model:\n  mlp: relu\ntraining:\n  steps: 1\n", "'gelu' or 'swiglu'")]
    [InlineData("training:\n  steps: 1\n  schedule: linear\n", "'cosine' or 'constant'")]
    [InlineData("training:\n  steps: 1\n  sequence_length: 999\n", "sequence_length")]
    [InlineData("training:\n  steps: 1\ndata:\n  train:\n  - name: a\n", "name and a path")]
    public void InvalidValuesAreNamed(string yaml, string expected)
    {
        Assert.Contains(expected, Assert.Throws<ProxyLmConfigException>(() => LmConfigLoader.Parse(yaml, "/tmp")).Message);
    }

    [Fact]
    public void RelativeDataPathsResolveAgainstTheConfigFile()
    {
        var c = LmConfigLoader.Parse("training:\n  steps: 1\ndata:\n  train:\n  - name: a\n    path: shards/a\n    weight: 2\n", "/data/run");
        Assert.Equal("/data/run/shards/a", c.Data.Train[0].Path);
        Assert.Equal(2, c.Data.Train[0].Weight);
    }
}
