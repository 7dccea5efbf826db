using Curation.ProxyLm.Config;
using Curation.ProxyLm.Training;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

public sealed class TrainerTests
{
    private static readonly ModelConfig Gpt2Shape = new() { VocabSize = 256, ContextLength = 64, Layers = 2, Heads = 4, Width = 64, MlpWidth = 256 };

    // The same size in TinyLlama form (RegMix's proxies): rotary positions, RMSNorm, SwiGLU, no biases, untied head.
    private static readonly ModelConfig LlamaShape = Gpt2Shape with { Positions = "rope", Norm = "rmsnorm", Mlp = "swiglu", Bias = false, TiedEmbeddings = false, MlpWidth = 128 };

    private static LmConfig Config(TempDir dir, int steps, string checkpoint = "", int checkpointInterval = 0, int evalInterval = 0, int threads = 2, bool llama = false) => new()
    {
        Model = llama ? LlamaShape : Gpt2Shape,
        Training = new TrainingConfig
        {
            BatchSize = 8, SequenceLength = 64, Steps = steps, LearningRate = 3e-3f, MinLearningRate = 3e-4f, WarmupSteps = 5,
            Schedule = "cosine", Seed = 42, Threads = threads, Checkpoint = checkpoint, CheckpointInterval = checkpointInterval,
            EvalInterval = evalInterval, EvalBatches = 6,
        },
        Data = new DataConfig
        {
            Train =
            [
                new DataSource { Name = "news", Path = Shards.Write(dir, "brown-news.train.txt", datatrove: false), Weight = 0.6 },
                new DataSource { Name = "python", Path = Shards.Write(dir, "code-python.train.txt", datatrove: true), Weight = 0.4 },
            ],
            Validation =
            [
                new DataSource { Name = "news", Path = Shards.Write(dir, "brown-news.val.txt", datatrove: true) },
                new DataSource { Name = "python", Path = Shards.Write(dir, "code-python.val.txt", datatrove: false) },
            ],
        },
    };

    [Fact]
    public void ValidationLossFallsSteadilyOnRealText()
    {
        using var dir = new TempDir("lm");
        var result = ProxyTrainer.Train(Config(dir, steps: 80, evalInterval: 20));
        var evals = result.History.Where(e => e.Validation.Count > 0).ToList();
        Assert.Equal(4, evals.Count);
        foreach (var domain in new[] { "news", "python" })
        {
            var losses = evals.Select(e => e.Validation.Single(v => v.Name == domain).Loss).ToList();
            Assert.True(losses[0] < Math.Log(256), $"{domain}: first eval {losses[0]} not below ln 256");
            for (var i = 1; i < losses.Count; i++)
                Assert.True(losses[i] < losses[i - 1], $"{domain}: validation loss rose: {string.Join(", ", losses)}");
        }
        Assert.Equal(result.Validation.Select(v => v.Loss), evals[^1].Validation.Select(v => v.Loss));
        // Byte-level tokens: bits per byte is loss / ln 2 exactly.
        var news = result.Validation.Single(v => v.Name == "news");
        Assert.Equal(news.Loss / Math.Log(2), news.BitsPerByte!.Value, 9);
        Assert.Equal(2, result.LossByDomain.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameSeedGivesIdenticalWeights(bool llama)
    {
        using var dir = new TempDir("lm");
        var a = dir.File("a.ckpt");
        var b = dir.File("b.ckpt");
        var ra = ProxyTrainer.Train(Config(dir, steps: 6, checkpoint: a, llama: llama));
        var rb = ProxyTrainer.Train(Config(dir, steps: 6, checkpoint: b, llama: llama));
        Assert.Equal(Checkpoint.ReadParameters(a), Checkpoint.ReadParameters(b));
        Assert.Equal(ra.History.Select(e => e.TrainLoss), rb.History.Select(e => e.TrainLoss));
        var other = ProxyTrainer.Train(Config(dir, steps: 6, llama: llama) with { Training = Config(dir, 6).Training with { Seed = 43 } });
        Assert.NotEqual(ra.FinalTrainLoss, other.FinalTrainLoss);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void KilledAndResumedRunEndsWithExactlyTheSameWeights(bool llama)
    {
        using var dir = new TempDir("lm");
        var straight = dir.File("straight.ckpt");
        ProxyTrainer.Train(Config(dir, steps: 12, checkpoint: straight, llama: llama));

        var resumed = dir.File("resumed.ckpt");
        using var cts = new CancellationTokenSource();
        // Killed during step 8: the last periodic checkpoint is the one after step 5.
        Assert.ThrowsAny<OperationCanceledException>(() => ProxyTrainer.Train(Config(dir, 12, resumed, checkpointInterval: 5, llama: llama), e => { if (e.Step == 7) cts.Cancel(); }, cts.Token));
        Assert.Equal(5, Checkpoint.ReadState(resumed).Step);
        var result = ProxyTrainer.Train(Config(dir, 12, resumed, checkpointInterval: 5, llama: llama));
        Assert.Equal(5, result.ResumedFromStep);
        Assert.Equal(7, result.History.Count);
        Assert.Equal(Checkpoint.ReadParameters(straight), Checkpoint.ReadParameters(resumed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EvaluatesACheckpointOnNamedSets(bool llama)
    {
        using var dir = new TempDir("lm");
        var ckpt = dir.File("m.ckpt");
        var config = Config(dir, steps: 3, checkpoint: ckpt, llama: llama);
        var trained = ProxyTrainer.Train(config);
        var results = ProxyTrainer.EvaluateCheckpoint(ckpt, config.Data.Validation, threads: 2, maxBatches: 6);
        Assert.Equal(trained.Validation.Select(v => (v.Name, v.Loss, v.Tokens)), results.Select(v => (v.Name, v.Loss, v.Tokens)));
    }

    [Fact]
    public void TokenBudgetSetsTheStepCount()
    {
        var model = new ModelConfig { ContextLength = 64 };
        Assert.Equal(3, new TrainingConfig { BatchSize = 8, TokenBudget = 8 * 64 * 2 + 1 }.EffectiveSteps(model));
    }

    [Fact]
    public void ScheduleWarmsUpThenDecaysToTheMinimum()
    {
        var c = new TrainingConfig { LearningRate = 1f, MinLearningRate = 0.1f, WarmupSteps = 4, Steps = 14 };
        Assert.Equal(0.25f, LearningRateSchedule.At(c, 0, 14));
        Assert.Equal(1f, LearningRateSchedule.At(c, 4, 14));
        Assert.Equal(0.55f, LearningRateSchedule.At(c, 9, 14), 5);
        Assert.Equal(0.1f, LearningRateSchedule.At(c, 14, 14), 5);
        Assert.Equal(1f, LearningRateSchedule.At(c with { Schedule = "constant" }, 13, 14));
    }

    [Fact]
    public void CheckpointWithBadMagicIsRejectedWithItsPath()
    {
        using var dir = new TempDir("lm");
        var path = dir.File("bad.ckpt");
        File.WriteAllBytes(path, "NOTACKPT\u0001\0\0\0"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path));
        Assert.Contains("bad.ckpt", e.Message);
        Assert.Contains("byte offset 0", e.Message);
        File.WriteAllBytes(path, "CURLMCKP\u0001\0\0\0\u0010\0"u8.ToArray());
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => Checkpoint.ReadState(path)).Message);
    }

    [Fact]
    public void CheckpointWithAWrongParameterCountIsRejectedBeforeAllocating()
    {
        using var dir = new TempDir("lm");
        var path = dir.File("m.ckpt");
        var config = Config(dir, steps: 1, checkpoint: path);
        ProxyTrainer.Train(config);
        var bytes = File.ReadAllBytes(path);
        var total = new Curation.ProxyLm.Model.ParameterLayout(config.Model).Total;
        var at = bytes.Length - 12 * (int)total - 8;
        Assert.Equal(total, BitConverter.ToInt64(bytes, at));
        BitConverter.GetBytes(long.MaxValue / 16).CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadParameters(path));
        Assert.Contains($"byte offset {at}", e.Message);
        File.WriteAllBytes(path, bytes[..^4]);
        Assert.Throws<InvalidDataException>(() => Checkpoint.ReadParameters(path));
    }
}
