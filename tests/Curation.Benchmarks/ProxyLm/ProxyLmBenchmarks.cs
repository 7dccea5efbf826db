using BenchmarkDotNet.Attributes;
using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;

namespace Curation.Benchmarks.ProxyLm;

/// <summary>
/// The proxy-LM hot spots at the issue-9 benchmark shape (vocab 4096, width 128, 2 layers, 4 heads, B 16, T 256):
/// one full training step, the LM-head matmul and causal attention, forward and backward.
/// Side-by-side with PyTorch: tests/bench/lm/vs_torch.sh.
///   dotnet run -c Release --project tests/Curation.Benchmarks -- --filter '*ProxyLm*'
/// </summary>
[MemoryDiagnoser]
public class ProxyLmBenchmarks
{
    private const int B = 16, T = 256, C = 128, H = 4, V = 4096;
    private CpuBackend _backend = null!;
    private GptModel _model = null!;
    private int[] _tokens = null!;
    private int[] _targets = null!;
    private DeviceBuffer _x = null!, _w = null!, _y = null!, _qkv = null!, _att = null!, _out = null!, _dqkv = null!;
    private int _step;

    /// <summary>Threads of the CPU backend.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _backend = new CpuBackend(Threads);
        _model = new GptModel(_backend, new ModelConfig { VocabSize = V, ContextLength = T, Layers = 2, Heads = H, Width = C, MlpWidth = 4 * C }, B, T);
        _model.Initialize(new Rng(0));
        var rng = new Rng(1);
        _tokens = Enumerable.Range(0, B * T).Select(_ => (int)rng.NextInt64(V)).ToArray();
        _targets = Enumerable.Range(0, B * T).Select(_ => (int)rng.NextInt64(V)).ToArray();
        _x = Filled(B * T * C, rng); _w = Filled(V * C, rng); _y = _backend.Allocate((long)B * T * V);
        _qkv = Filled(B * T * 3 * C, rng); _att = _backend.Allocate((long)B * H * T * T); _out = Filled(B * T * C, rng); _dqkv = _backend.Allocate(B * T * 3 * C);
    }

    private DeviceBuffer Filled(long n, Rng rng)
    {
        var host = new float[n];
        for (var i = 0; i < n; i++) host[i] = (float)rng.NextNormal();
        var buffer = _backend.Allocate(n);
        _backend.Upload(host, buffer.All);
        return buffer;
    }

    /// <summary>Forward + backward + clip norm + AdamW, 4,096 tokens.</summary>
    [Benchmark]
    public float TrainingStep()
    {
        var loss = _model.Forward(_tokens, _targets);
        _model.ZeroGradients();
        _model.Backward();
        _model.GradientNorm();
        _model.Update(3e-4f, 0.9f, 0.999f, 1e-8f, 0.1f, 1f, ++_step);
        return loss;
    }

    /// <summary>Logits (4096 × 4096) = x (4096 × 128) · wteᵀ: 4.3 GFLOP.</summary>
    [Benchmark]
    public void LmHeadMatMul() => _backend.MatMulForward(_y.All, _x.All, _w.All, null, B * T, C, V);

    /// <summary>Causal attention forward and backward on the fused qkv.</summary>
    [Benchmark]
    public void AttentionForwardBackward()
    {
        _backend.AttentionForward(_out.All, _att.All, _qkv.All, B, T, C, H);
        _backend.AttentionBackward(_dqkv.All, _out.All, _qkv.All, _att.All, B, T, C, H);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var b in new[] { _x, _w, _y, _qkv, _att, _out, _dqkv }) b.Dispose();
        _model.Dispose();
        _backend.Dispose();
    }
}
