using System.Text.Json;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

public sealed class LlamaParityTests
{
    // tests/fixtures/lm/rope/llama-golden.json: loss and every parameter gradient of the same TinyLlama-shaped model
    // (rope, RMSNorm, SwiGLU, no biases, untied head) computed by PyTorch in float64 (make_llama_golden.py).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void LossAndGradientsMatchPyTorch(int threads)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("lm", "rope", "llama-golden.json")));
        var g = doc.RootElement;
        var config = new ModelConfig
        {
            VocabSize = g.GetProperty("vocab").GetInt32(), Width = g.GetProperty("width").GetInt32(), Heads = g.GetProperty("heads").GetInt32(),
            MlpWidth = g.GetProperty("mlp_width").GetInt32(), Layers = g.GetProperty("layers").GetInt32(), ContextLength = g.GetProperty("time").GetInt32(),
            RopeTheta = g.GetProperty("rope_theta").GetDouble(), Positions = "rope", Norm = "rmsnorm", Mlp = "swiglu", Bias = false, TiedEmbeddings = false,
        };
        int b = g.GetProperty("batch").GetInt32(), t = g.GetProperty("time").GetInt32();
        using var backend = new CpuBackend(threads);
        using var model = new GptModel(backend, config, b, t);
        var gradients = g.GetProperty("gradients");
        // Same parameter order and formula as the generator: the layout must hold exactly the tensors PyTorch has.
        Assert.Equal(gradients.EnumerateObject().Select(p => p.Name), model.Layout.Tensors.Select(x => x.Name));
        var p = new float[model.Layout.Total];
        for (var k = 0; k < model.Layout.Tensors.Count; k++)
        {
            var tensor = model.Layout.Tensors[k];
            var gain = tensor.Name.EndsWith("ln1.weight", StringComparison.Ordinal) || tensor.Name.EndsWith("ln2.weight", StringComparison.Ordinal) || tensor.Name == "lnf.weight";
            for (var e = 0; e < tensor.Length; e++)
                p[tensor.Offset + e] = (float)(gain ? 1 + 0.1 * Math.Sin(e + k) : 0.5 * Math.Sin(0.9 * e + 1.3 * k + 0.2));
        }
        backend.Upload(p, model.Parameters.All);
        var tokens = g.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var targets = g.GetProperty("targets").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var loss = model.Forward(tokens, targets);
        Assert.Equal(g.GetProperty("loss").GetDouble(), loss, 4);
        model.ZeroGradients();
        model.Backward();
        var grad = new float[p.Length];
        backend.Download(model.Gradients.All, grad);
        foreach (var tensor in model.Layout.Tensors)
        {
            var expected = gradients.GetProperty(tensor.Name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(expected.Length, tensor.Length);
            for (var e = 0; e < expected.Length; e++)
            {
                var actual = grad[tensor.Offset + e];
                Assert.True(Math.Abs(actual - expected[e]) <= 2e-5 + 1e-3 * Math.Abs(expected[e]),
                    $"{tensor.Name}[{e}]: PyTorch {expected[e]:G7}, ours {actual:G7}");
            }
        }
    }
}
