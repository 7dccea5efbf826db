using System.Globalization;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;
using Curation.ProxyLm.Training;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

public sealed class CheckpointVersionTests
{
    private static readonly string V1 = RepoPaths.Fixture("lm", "checkpoint-v1", "checkpoint-v1.ckpt");

    // The batch Generate.cs evaluated when it wrote the fixture.
    private static readonly int[] Tokens = [.. Enumerable.Range(0, 16).Select(i => (i * 7 + 3) % 16)];
    private static readonly int[] Targets = [.. Enumerable.Range(0, 16).Select(i => (i * 5 + 1) % 16)];

    [Fact]
    public void AVersion1CheckpointWrittenBeforeRopeStillLoadsAndGivesTheSameLoss()
    {
        var state = Checkpoint.ReadState(V1);
        // Its header has no positions/bias keys: the defaults are exactly the layout it holds.
        Assert.Equal(new ModelConfig { VocabSize = 16, ContextLength = 8, Layers = 1, Heads = 2, Width = 8, MlpWidth = 16 }, state.Model);
        Assert.Equal(("learned", true), (state.Model.Positions, state.Model.Bias));
        Assert.Equal(3, state.Step);
        Assert.Equal([1UL, 2UL, 3UL, 4UL], state.SamplerRng);
        Assert.Equal([40L], state.Cursors);
        using var backend = new CpuBackend(1);
        using var model = new GptModel(backend, state.Model, 2, 8);
        Checkpoint.Load(V1, model);
        var expected = float.Parse(File.ReadAllText(RepoPaths.Fixture("lm", "checkpoint-v1", "expected-loss.txt")).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(expected, model.Forward(Tokens, Targets), 5);
    }

    [Fact]
    public void ResavingAVersion1CheckpointWritesTheCurrentVersionWithTheSameWeights()
    {
        using var dir = new TempDir("lm");
        var state = Checkpoint.ReadState(V1);
        using var backend = new CpuBackend(1);
        using var model = new GptModel(backend, state.Model, 2, 8);
        Checkpoint.Load(V1, model);
        var path = dir.File("v2.ckpt");
        Checkpoint.Save(path, model, state);
        Assert.Equal(Checkpoint.Version, BitConverter.ToUInt32(File.ReadAllBytes(path), 8));
        Assert.Equal(Checkpoint.ReadParameters(V1), Checkpoint.ReadParameters(path));
        Assert.Equal(state.Model, Checkpoint.ReadState(path).Model);
    }

    [Fact]
    public void RopeCheckpointRoundTripsAndCannotPassForVersion1()
    {
        using var dir = new TempDir("lm");
        var config = new ModelConfig { VocabSize = 16, ContextLength = 8, Layers = 1, Heads = 2, Width = 8, MlpWidth = 16, Positions = "rope", RopeTheta = 500, Bias = false, Norm = "rmsnorm", Mlp = "swiglu" };
        using var backend = new CpuBackend(1);
        using var model = new GptModel(backend, config, 2, 8);
        model.Initialize(new Rng(2));
        var loss = model.Forward(Tokens, Targets);
        var path = dir.File("rope.ckpt");
        Checkpoint.Save(path, model, new CheckpointState(config, new TrainingConfig { Steps = 1 }, 0, [0UL, 0UL, 0UL, 1UL], []));
        Assert.Equal(config, Checkpoint.ReadState(path).Model);
        using (var reloaded = new GptModel(backend, config, 2, 8))
        {
            Checkpoint.Load(path, reloaded);
            Assert.Equal(loss, reloaded.Forward(Tokens, Targets));
        }
        // A learned-position model of the same size must not accept it.
        using (var learned = new GptModel(backend, config with { Positions = "learned" }, 2, 8))
            Assert.Contains("does not match", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, learned)).Message);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(1u).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path));
        Assert.Contains("version 1", e.Message);
        Assert.Contains("rope.ckpt", e.Message);
        BitConverter.GetBytes(Checkpoint.Version + 1).CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        e = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path));
        Assert.Contains($"version {Checkpoint.Version + 1} at byte offset 8 is not supported", e.Message);
    }
}
