using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Tests;

public sealed class ModelTests
{
    private static int[] RandomTokens(int n, int v, ulong seed)
    {
        var r = new Rng(seed);
        return Enumerable.Range(0, n).Select(_ => (int)r.NextInt64(v)).ToArray();
    }

    [Theory]
    [InlineData(true, 1, "layernorm", "gelu")]
    [InlineData(false, 2, "layernorm", "gelu")]
    [InlineData(false, 2, "rmsnorm", "swiglu")]
    [InlineData(true, 1, "layernorm", "swiglu")]
    [InlineData(false, 2, "rmsnorm", "swiglu", "rope", false)]
    [InlineData(true, 1, "layernorm", "gelu", "rope", true)]
    [InlineData(true, 2, "layernorm", "gelu", "learned", false)]
    public void WholeModelGradientsMatchFiniteDifferences(bool tied, int threads, string norm, string mlp, string positions = "learned", bool bias = true)
    {
        var config = new ModelConfig
        {
            VocabSize = 11, ContextLength = 6, Layers = 2, Heads = 2, Width = 8, MlpWidth = 12, TiedEmbeddings = tied, Norm = norm, Mlp = mlp,
            Positions = positions, Bias = bias, RopeTheta = 10,   // a small base so that every pair turns noticeably over 5 positions
        };
        const int b = 2, t = 5;
        using var backend = new CpuBackend(threads);
        using var model = new GptModel(backend, config, b, t);
        // Large random weights so every gradient is well above float rounding in the finite differences.
        var rng = new Rng(7);
        var p = new float[model.Layout.Total];
        for (var i = 0; i < p.Length; i++) p[i] = (float)(rng.NextNormal() * 0.4);
        backend.Upload(p, model.Parameters.All);
        var tokens = RandomTokens(b * t, 11, 1);
        var targets = RandomTokens(b * t, 11, 2);
        model.Forward(tokens, targets);
        model.ZeroGradients();
        model.Backward();
        var grad = new float[p.Length];
        backend.Download(model.Gradients.All, grad);
        const float eps = 1e-2f;
        foreach (var tensor in model.Layout.Tensors)
        {
            var stride = Math.Max(1, (int)(tensor.Length / 6));
            for (var k = 0; k < tensor.Length; k += stride)
            {
                var i = (int)(tensor.Offset + k);
                var saved = p[i];
                p[i] = saved + eps; backend.Upload(p, model.Parameters.All); var up = model.Forward(tokens, targets);
                p[i] = saved - eps; backend.Upload(p, model.Parameters.All); var down = model.Forward(tokens, targets);
                p[i] = saved; backend.Upload(p, model.Parameters.All);
                var numeric = (up - down) / (2.0 * eps);
                Assert.True(Math.Abs(numeric - grad[i]) <= 2e-3 + 5e-2 * Math.Abs(numeric),
                    $"{tensor.Name}[{k}]: numeric {numeric:G6} vs analytic {grad[i]:G6}");
            }
        }
    }

    [Theory]
    [InlineData("learned")]
    [InlineData("rope")]
    public void InitialLossIsCloseToLnVocab(string positions)
    {
        var config = new ModelConfig { VocabSize = 4096, ContextLength = 64, Layers = 2, Heads = 4, Width = 128, MlpWidth = 512, Positions = positions };
        using var backend = new CpuBackend(2);
        using var model = new GptModel(backend, config, 4, 64);
        model.Initialize(new Rng(0));
        var loss = model.Forward(RandomTokens(256, 4096, 3), RandomTokens(256, 4096, 4));
        Assert.InRange(loss, Math.Log(4096) - 0.1, Math.Log(4096) + 0.1);
    }

    [Theory]
    [InlineData("layernorm", "gelu")]
    [InlineData("rmsnorm", "swiglu")]
    [InlineData("rmsnorm", "swiglu", "rope", false)]
    public void OverfitsASingleBatch(string norm, string mlp, string positions = "learned", bool bias = true)
    {
        var config = new ModelConfig { VocabSize = 64, ContextLength = 16, Layers = 2, Heads = 2, Width = 32, Norm = norm, Mlp = mlp, Positions = positions, Bias = bias };
        using var backend = new CpuBackend(2);
        using var model = new GptModel(backend, config, 4, 16);
        model.Initialize(new Rng(1));
        var tokens = RandomTokens(64, 64, 5);
        var targets = RandomTokens(64, 64, 6);
        var first = model.Forward(tokens, targets);
        var loss = first;
        for (var step = 1; step <= 150; step++)
        {
            loss = model.Forward(tokens, targets);
            model.ZeroGradients();
            model.Backward();
            model.Update(1e-2f, 0.9f, 0.999f, 1e-8f, 0f, 1f, step);
        }
        Assert.InRange(first, Math.Log(64) - 0.1, Math.Log(64) + 0.1);
        Assert.True(loss < 0.1, $"loss after 150 steps on one batch: {loss}");
    }

    [Fact]
    public void RejectsTokensOutsideTheVocabulary()
    {
        var config = new ModelConfig { VocabSize = 16, ContextLength = 4, Layers = 1, Heads = 1, Width = 8 };
        using var backend = new CpuBackend(1);
        using var model = new GptModel(backend, config, 1, 4);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Forward([1, 2, 16, 3], [1, 2, 3, 4]));
        Assert.Contains("token id 16 at position 2", e.Message);
    }

    [Fact]
    public void ParameterCountsMatchRegMixAndTorchBench()
    {
        // peers/torch_bench.py prints 953,856 params for this shape; its Linear layers carry biases like ours.
        var tiny = new ParameterLayout(new ModelConfig { VocabSize = 4096, ContextLength = 256, Layers = 2, Heads = 4, Width = 128, MlpWidth = 512 });
        Assert.Equal(953_856, tiny.Tensors.Sum(t => t.Length));
        Assert.Equal(396_800, tiny.NonEmbeddingCount);
        // RegMix "1M": 2 × (4·256² + 2·256·512) ≈ 1.05M matrix weights (+ biases and norms), untied head.
        var regmix = new ParameterLayout(new ModelConfig { VocabSize = 50432, ContextLength = 2048, Layers = 2, Heads = 8, Width = 256, MlpWidth = 512, TiedEmbeddings = false });
        Assert.InRange(regmix.NonEmbeddingCount, 1_000_000, 1_100_000);
        // TinyLlama's 1M with SwiGLU and RMSNorm: 2 × (4·256² + 3·256·512) ≈ 1.31M, as RegMix counts it.
        var llama = new ParameterLayout(new ModelConfig { VocabSize = 50432, ContextLength = 2048, Layers = 2, Heads = 8, Width = 256, MlpWidth = 512, TiedEmbeddings = false, Norm = "rmsnorm", Mlp = "swiglu" });
        Assert.InRange(llama.NonEmbeddingCount, 1_310_000, 1_330_000);
    }

    [Fact]
    public void RopeAndBiasFreeLayoutsDropThePositionTableAndTheLinearBiases()
    {
        var tiny = new ModelConfig { VocabSize = 4096, ContextLength = 256, Layers = 2, Heads = 4, Width = 128, MlpWidth = 512 };
        var rope = new ParameterLayout(tiny with { Positions = "rope" });
        Assert.False(rope.Contains("wpe"));
        Assert.Equal(953_856 - 256 * 128, rope.Tensors.Sum(t => t.Length));
        Assert.Equal(396_800, rope.NonEmbeddingCount);
        var noBias = new ParameterLayout(tiny with { Bias = false });
        Assert.DoesNotContain(noBias.Tensors, t => t.Name.Contains(".attn.", StringComparison.Ordinal) && t.Name.EndsWith(".bias", StringComparison.Ordinal));
        // Per layer: qkv 3C, attention projection C, fc 4C, MLP projection C.
        Assert.Equal(953_856 - 2 * (3 * 128 + 128 + 512 + 128), noBias.Tensors.Sum(t => t.Length));
        // RegMix/TinyLlama "1M" exactly: 2 × (4·256² + 3·256·512) matrices + 2·2·256 + 256 RMSNorm gains, nothing else.
        var llama = new ParameterLayout(new ModelConfig
        {
            VocabSize = 50432, ContextLength = 2048, Layers = 2, Heads = 8, Width = 256, MlpWidth = 512, TiedEmbeddings = false,
            Norm = "rmsnorm", Mlp = "swiglu", Positions = "rope", Bias = false,
        });
        Assert.Equal(1_312_000, llama.NonEmbeddingCount);
        Assert.Equal(1_312_000 + 2 * 50432 * 256, llama.Total);
    }

    [Fact]
    public void RopeBaseChangesTheOutputButNotTheLayout()
    {
        var config = new ModelConfig { VocabSize = 32, ContextLength = 8, Layers = 1, Heads = 2, Width = 16, Positions = "rope" };
        using var backend = new CpuBackend(1);
        var tokens = RandomTokens(8, 32, 8);
        var targets = RandomTokens(8, 32, 9);
        float Loss(double theta)
        {
            using var model = new GptModel(backend, config with { RopeTheta = theta }, 1, 8);
            model.Initialize(new Rng(3));
            // Scale the weights up so attention is far from uniform and positions matter.
            var p = new float[model.Layout.Total];
            backend.Download(model.Parameters.All, p);
            for (var i = 0; i < p.Length; i++) p[i] *= 20;
            backend.Upload(p, model.Parameters.All);
            return model.Forward(tokens, targets);
        }
        Assert.Equal(Loss(10000), Loss(10000));
        Assert.NotEqual(Loss(10000), Loss(2));
    }

    [Theory]
    [InlineData("model:\n  positions: alibi\ntraining:\n  steps: 1\n", "'learned' or 'rope'")]
    [InlineData("model:\n  positions: rope\n  width: 12\n  heads: 4\ntraining:\n  steps: 1\n", "must be even")]
    [InlineData("model:\n  positions: rope\n  rope_theta: 1\ntraining:\n  steps: 1\n", "rope_theta")]
    public void InvalidPositionSettingsAreNamed(string yaml, string expected)
    {
        var e = Assert.Throws<ProxyLmConfigException>(() => LmConfigLoader.Parse(yaml, "/tmp"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RmsNormModelHasNoNormBiases()
    {
        var layout = new ParameterLayout(new ModelConfig { Layers = 2, Norm = "rmsnorm" });
        Assert.DoesNotContain(layout.Tensors, t => t.Name.Contains("ln", StringComparison.Ordinal) && t.Name.EndsWith(".bias", StringComparison.Ordinal));
        Assert.Equal(5, layout.Tensors.Count(t => t.Name.Contains("ln", StringComparison.Ordinal)));
    }
}
