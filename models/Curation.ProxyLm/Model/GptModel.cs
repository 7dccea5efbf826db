using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Model;

/// <summary>
/// A GPT-2- or LLaMA-style decoder (LayerNorm or RMSNorm, learned or rotary positions, GELU or SwiGLU) on an <see cref="IComputeBackend"/>: one contiguous parameter buffer (with gradient and
/// AdamW moment buffers of the same layout), one activation buffer for a fixed (B, T), and forward/backward passes
/// written as a sequence of backend layer calls. The model never touches memory directly.
/// </summary>
public sealed class GptModel : IDisposable
{
    private readonly IComputeBackend _backend;
    private readonly ActivationLayout _acts;
    private readonly ActivationLayout _grads;
    private int[] _tokens = [];
    private int[] _targets = [];
    private float[] _hostLosses = [];
    // RoPE cos and sin tables (T, D/2) each, computed once on the host; null for learned positions.
    private readonly DeviceBuffer? _ropeTables;

    /// <summary>Allocates parameters (zero; call <see cref="Initialize"/> or load a checkpoint) and activations for batches of (B, T).</summary>
    public GptModel(IComputeBackend backend, ModelConfig config, int batchSize, int sequenceLength)
    {
        config.Validate();
        if (batchSize <= 0) throw new ProxyLmConfigException("training.batch_size must be positive");
        if (sequenceLength <= 0 || sequenceLength > config.ContextLength)
            throw new ProxyLmConfigException($"sequence length {sequenceLength} must be in [1, model.context_length = {config.ContextLength}]");
        _backend = backend;
        Config = config;
        BatchSize = batchSize;
        SequenceLength = sequenceLength;
        Layout = new ParameterLayout(config);
        Parameters = backend.Allocate(Layout.Total);
        Gradients = backend.Allocate(Layout.Total);
        FirstMoment = backend.Allocate(Layout.Total);
        SecondMoment = backend.Allocate(Layout.Total);
        _acts = new ActivationLayout(backend, config, batchSize, sequenceLength, forGradients: false);
        _grads = new ActivationLayout(backend, config, batchSize, sequenceLength, forGradients: true);
        if (config.UsesRope)
        {
            var half = (long)sequenceLength * config.HeadDim / 2;
            var host = new float[2 * half];
            Curation.Numerics.Kernels.Rope.Tables(host.AsSpan(0, (int)half), host.AsSpan((int)half), sequenceLength, config.HeadDim, config.RopeTheta);
            _ropeTables = backend.Allocate(2 * half);
            backend.Upload(host, _ropeTables.All);
        }
    }

    /// <summary>The model shape.</summary>
    public ModelConfig Config { get; }

    /// <summary>B.</summary>
    public int BatchSize { get; }

    /// <summary>T.</summary>
    public int SequenceLength { get; }

    /// <summary>Names and offsets of the parameter tensors.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>All parameters, contiguous.</summary>
    public DeviceBuffer Parameters { get; }

    /// <summary>Gradients, same layout as <see cref="Parameters"/>.</summary>
    public DeviceBuffer Gradients { get; }

    /// <summary>AdamW first moments.</summary>
    public DeviceBuffer FirstMoment { get; }

    /// <summary>AdamW second moments.</summary>
    public DeviceBuffer SecondMoment { get; }

    /// <summary>The backend the model runs on.</summary>
    public IComputeBackend Backend => _backend;

    /// <summary>GPT-2 initialisation: N(0, 0.02) weights, residual projections scaled by 1/√(2L), unit norm gains, zero biases.</summary>
    public void Initialize(Rng rng)
    {
        var host = new float[Layout.Total];
        var residualStd = 0.02 / Math.Sqrt(2.0 * Config.Layers);
        foreach (var t in Layout.Tensors)
        {
            var span = host.AsSpan((int)t.Offset, (int)t.Length);
            if (t.Name.EndsWith(".bias", StringComparison.Ordinal)) continue;
            if (t.Name.StartsWith("ln", StringComparison.Ordinal) || t.Name.Contains(".ln", StringComparison.Ordinal)) { span.Fill(1f); continue; }
            var std = t.Name.EndsWith("proj.weight", StringComparison.Ordinal) ? residualStd : 0.02;
            for (var i = 0; i < span.Length; i++) span[i] = (float)(rng.NextNormal() * std);
        }
        _backend.Upload(host, Parameters.All);
        _backend.Zero(FirstMoment.All);
        _backend.Zero(SecondMoment.All);
    }

    /// <summary>
    /// Forward pass on tokens (B·T). With targets (B·T), returns the mean cross-entropy loss (nats/token) and leaves
    /// probabilities for <see cref="Backward"/>; without, leaves logits and returns NaN.
    /// </summary>
    public float Forward(ReadOnlySpan<int> tokens, ReadOnlySpan<int> targets)
    {
        int b = BatchSize, t = SequenceLength, c = Config.Width, m = Config.EffectiveMlpWidth, h = Config.Heads, v = Config.VocabSize;
        var n = b * t;
        if (tokens.Length != n) throw new ArgumentException($"expected {n} tokens (B={b}, T={t}), got {tokens.Length}", nameof(tokens));
        CheckIds(tokens, nameof(tokens));
        _tokens = tokens.ToArray();
        var be = _backend;
        be.EncoderForward(_acts.Encoded, tokens, P("wte"), Config.UsesRope ? null : P("wpe").Sub(0, (long)t * c), b, t, c);
        var residual = _acts.Encoded;
        for (var l = 0; l < Config.Layers; l++)
        {
            var a = _acts.Blocks[l];
            var p = $"h.{l}.";
            NormForward(a.Ln1, a.Ln1Mean, a.Ln1Rstd, residual, p + "ln1", n, c);
            be.MatMulForward(a.Qkv, a.Ln1, P(p + "attn.qkv.weight"), Bias(p + "attn.qkv.bias"), n, c, 3 * c);
            // Rotating in place is enough: the qkv matmul's backward needs only its input, and attention's backward needs the rotated q and k.
            if (Config.UsesRope) be.RopeForward(a.Qkv, RopeCos, RopeSin, b, t, c, h);
            be.AttentionForward(a.AttY, a.Att, a.Qkv, b, t, c, h);
            be.MatMulForward(a.AttProj, a.AttY, P(p + "attn.proj.weight"), Bias(p + "attn.proj.bias"), n, c, c);
            be.Add(a.Residual2, residual, a.AttProj);
            NormForward(a.Ln2, a.Ln2Mean, a.Ln2Rstd, a.Residual2, p + "ln2", n, c);
            be.MatMulForward(a.Fch, a.Ln2, P(p + "mlp.fc.weight"), Bias(p + "mlp.fc.bias"), n, c, Config.FcWidth);
            if (Config.UsesSwiGlu) be.SwiGluForward(a.FchGelu, a.Fch, n, m);
            else be.GeluForward(a.FchGelu, a.Fch);
            be.MatMulForward(a.FcProj, a.FchGelu, P(p + "mlp.proj.weight"), Bias(p + "mlp.proj.bias"), n, m, c);
            be.Add(a.Residual3, a.Residual2, a.FcProj);
            residual = a.Residual3;
        }
        NormForward(_acts.Lnf, _acts.LnfMean, _acts.LnfRstd, residual, "lnf", n, c);
        be.MatMulForward(_acts.Logits, _acts.Lnf, HeadWeight, null, n, c, v);
        if (targets.IsEmpty) return float.NaN;
        if (targets.Length != n) throw new ArgumentException($"expected {n} targets, got {targets.Length}", nameof(targets));
        CheckIds(targets, nameof(targets));
        _targets = targets.ToArray();
        be.CrossEntropyForward(_acts.Losses, _acts.Logits, targets, n, v);
        if (_hostLosses.Length != n) _hostLosses = new float[n];
        be.Download(_acts.Losses, _hostLosses);
        double sum = 0;
        foreach (var x in _hostLosses) sum += x;
        return (float)(sum / n);
    }

    /// <summary>Per-position losses of the last forward pass with targets (B·T, nats).</summary>
    public ReadOnlySpan<float> LastLosses => _hostLosses;

    /// <summary>Zeroes the parameter gradients (call before the first <see cref="Backward"/> of a step).</summary>
    public void ZeroGradients() => _backend.Zero(Gradients.All);

    /// <summary>Backward pass of the mean loss of the last <see cref="Forward"/>; accumulates into <see cref="Gradients"/>.</summary>
    public void Backward(float lossScale = 1f)
    {
        if (_targets.Length == 0) throw new InvalidOperationException("Backward needs a Forward call with targets first");
        int b = BatchSize, t = SequenceLength, c = Config.Width, m = Config.EffectiveMlpWidth, h = Config.Heads, v = Config.VocabSize;
        var n = b * t;
        var be = _backend;
        be.Zero(_grads.Buffer.All);
        be.CrossEntropyBackward(_acts.Logits, _targets, n, v, lossScale / n);
        be.MatMulBackward(_grads.Lnf, HeadGradient, null, _acts.Logits, _acts.Lnf, HeadWeight, n, c, v);
        var lastResidual = _acts.Blocks[^1].Residual3;
        var dLast = _grads.Blocks[^1].Residual3;
        NormBackward(dLast, _grads.Lnf, lastResidual, "lnf", _acts.LnfMean, _acts.LnfRstd, n, c);
        for (var l = Config.Layers - 1; l >= 0; l--)
        {
            var a = _acts.Blocks[l];
            var d = _grads.Blocks[l];
            var p = $"h.{l}.";
            var residual = l == 0 ? _acts.Encoded : _acts.Blocks[l - 1].Residual3;
            var dResidual = l == 0 ? _grads.Encoded : _grads.Blocks[l - 1].Residual3;
            // residual3 = residual2 + fcproj: dres3 flows into both.
            be.MatMulBackward(d.FchGelu, G(p + "mlp.proj.weight"), BiasGradient(p + "mlp.proj.bias"), d.Residual3, a.FchGelu, P(p + "mlp.proj.weight"), n, m, c);
            if (Config.UsesSwiGlu) be.SwiGluBackward(d.Fch, a.Fch, d.FchGelu, n, m);
            else be.GeluBackward(d.Fch, a.Fch, d.FchGelu);
            be.MatMulBackward(d.Ln2, G(p + "mlp.fc.weight"), BiasGradient(p + "mlp.fc.bias"), d.Fch, a.Ln2, P(p + "mlp.fc.weight"), n, c, Config.FcWidth);
            NormBackward(d.Residual2, d.Ln2, a.Residual2, p + "ln2", a.Ln2Mean, a.Ln2Rstd, n, c);
            be.AddInPlace(d.Residual2, d.Residual3);
            // residual2 = residual + attproj.
            be.MatMulBackward(d.AttY, G(p + "attn.proj.weight"), BiasGradient(p + "attn.proj.bias"), d.Residual2, a.AttY, P(p + "attn.proj.weight"), n, c, c);
            be.AttentionBackward(d.Qkv, d.AttY, a.Qkv, a.Att, b, t, c, h);
            if (Config.UsesRope) be.RopeBackward(d.Qkv, RopeCos, RopeSin, b, t, c, h);
            be.MatMulBackward(d.Ln1, G(p + "attn.qkv.weight"), BiasGradient(p + "attn.qkv.bias"), d.Qkv, a.Ln1, P(p + "attn.qkv.weight"), n, c, 3 * c);
            NormBackward(dResidual, d.Ln1, residual, p + "ln1", a.Ln1Mean, a.Ln1Rstd, n, c);
            be.AddInPlace(dResidual, d.Residual2);
        }
        be.EncoderBackward(G("wte"), Config.UsesRope ? null : G("wpe").Sub(0, (long)t * c), _grads.Encoded, _tokens, b, t, c);
    }

    /// <summary>√Σg² over all gradients.</summary>
    public double GradientNorm() => Math.Sqrt(_backend.SumOfSquares(Gradients.All));

    /// <summary>One AdamW step on every tensor (weight decay only where <see cref="ParameterTensor.Decay"/>).</summary>
    public void Update(float lr, float beta1, float beta2, float eps, float weightDecay, float gradScale, int step)
    {
        foreach (var tensor in Layout.Tensors)
        {
            var s = (Offset: tensor.Offset, Length: tensor.Length);
            _backend.AdamWUpdate(Parameters.Slice(s.Offset, s.Length), Gradients.Slice(s.Offset, s.Length), FirstMoment.Slice(s.Offset, s.Length),
                SecondMoment.Slice(s.Offset, s.Length), lr, beta1, beta2, eps, tensor.Decay ? weightDecay : 0f, gradScale, step);
        }
    }

    /// <summary>The view of parameter <paramref name="name"/>.</summary>
    public DeviceSlice P(string name) { var t = Layout[name]; return Parameters.Slice(t.Offset, t.Length); }

    /// <summary>The view of the gradient of parameter <paramref name="name"/>.</summary>
    public DeviceSlice G(string name) { var t = Layout[name]; return Gradients.Slice(t.Offset, t.Length); }

    // out (N,C) = norm(inp) with the parameters "{name}.weight" (and "{name}.bias" for LayerNorm).
    private void NormForward(DeviceSlice output, DeviceSlice mean, DeviceSlice rstd, DeviceSlice inp, string name, int n, int c)
    {
        if (Config.UsesRmsNorm) _backend.RmsNormForward(output, rstd, inp, P(name + ".weight"), n, c);
        else _backend.LayerNormForward(output, mean, rstd, inp, P(name + ".weight"), P(name + ".bias"), n, c);
    }

    // dinp (N,C) and the norm's parameter gradients += backward of NormForward.
    private void NormBackward(DeviceSlice dinp, DeviceSlice dout, DeviceSlice inp, string name, DeviceSlice mean, DeviceSlice rstd, int n, int c)
    {
        if (Config.UsesRmsNorm) _backend.RmsNormBackward(dinp, G(name + ".weight"), dout, inp, P(name + ".weight"), rstd, n, c);
        else _backend.LayerNormBackward(dinp, G(name + ".weight"), G(name + ".bias"), dout, inp, P(name + ".weight"), mean, rstd, n, c);
    }

    // A linear layer's bias, or null when the model has none (model.bias: false).
    private DeviceSlice? Bias(string name) => Config.Bias ? P(name) : null;
    private DeviceSlice? BiasGradient(string name) => Config.Bias ? G(name) : null;

    private DeviceSlice RopeCos => _ropeTables!.Slice(0, _ropeTables.Length / 2);
    private DeviceSlice RopeSin => _ropeTables!.Slice(_ropeTables.Length / 2, _ropeTables.Length / 2);

    private DeviceSlice HeadWeight => P(Config.TiedEmbeddings ? "wte" : "lm_head.weight");
    private DeviceSlice HeadGradient => G(Config.TiedEmbeddings ? "wte" : "lm_head.weight");

    private void CheckIds(ReadOnlySpan<int> ids, string what)
    {
        for (var i = 0; i < ids.Length; i++)
            if ((uint)ids[i] >= (uint)Config.VocabSize)
                throw new ArgumentOutOfRangeException(what, $"token id {ids[i]} at position {i} is outside the vocabulary [0, {Config.VocabSize})");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Parameters.Dispose();
        Gradients.Dispose();
        FirstMoment.Dispose();
        SecondMoment.Dispose();
        _acts.Buffer.Dispose();
        _grads.Buffer.Dispose();
        _ropeTables?.Dispose();
    }
}
