using Curation.ProxyLm.Backend;
using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Model;

/// <summary>
/// Named views into one activation buffer sized from (config, B, T). The same layout, without the attention
/// probabilities and logits, holds the activation gradients.
/// </summary>
public sealed class ActivationLayout
{
    /// <summary>Views of one transformer block.</summary>
    public sealed record Block(
        DeviceSlice Ln1, DeviceSlice Ln1Mean, DeviceSlice Ln1Rstd, DeviceSlice Qkv, DeviceSlice AttY, DeviceSlice Att,
        DeviceSlice AttProj, DeviceSlice Residual2, DeviceSlice Ln2, DeviceSlice Ln2Mean, DeviceSlice Ln2Rstd,
        DeviceSlice Fch, DeviceSlice FchGelu, DeviceSlice FcProj, DeviceSlice Residual3);

    private long _used;

    /// <summary>Allocates the buffer and carves the views. <paramref name="forGradients"/> omits att and logits.</summary>
    public ActivationLayout(IComputeBackend backend, ModelConfig config, int b, int t, bool forGradients)
    {
        long n = (long)b * t, c = config.Width, m = config.EffectiveMlpWidth, f = config.FcWidth, h = config.Heads;
        var encoded = Reserve(n * c);
        var blocks = new List<(long, long, long, long, long, long, long, long, long, long, long, long, long, long, long)>();
        for (var l = 0; l < config.Layers; l++)
            blocks.Add((Reserve(n * c), Reserve(n), Reserve(n), Reserve(n * 3 * c), Reserve(n * c), forGradients ? -1 : Reserve(b * h * t * t),
                Reserve(n * c), Reserve(n * c), Reserve(n * c), Reserve(n), Reserve(n), Reserve(n * f), Reserve(n * m), Reserve(n * c), Reserve(n * c)));
        var lnf = Reserve(n * c);
        var lnfMean = Reserve(n);
        var lnfRstd = Reserve(n);
        var logits = forGradients ? -1 : Reserve(n * config.VocabSize);
        var losses = forGradients ? -1 : Reserve(n);
        Buffer = backend.Allocate(_used);

        Encoded = V(encoded, n * c);
        foreach (var x in blocks)
            Blocks.Add(new Block(V(x.Item1, n * c), V(x.Item2, n), V(x.Item3, n), V(x.Item4, n * 3 * c), V(x.Item5, n * c),
                V(x.Item6, b * h * t * t), V(x.Item7, n * c), V(x.Item8, n * c), V(x.Item9, n * c), V(x.Item10, n), V(x.Item11, n),
                V(x.Item12, n * f), V(x.Item13, n * m), V(x.Item14, n * c), V(x.Item15, n * c)));
        Lnf = V(lnf, n * c);
        LnfMean = V(lnfMean, n);
        LnfRstd = V(lnfRstd, n);
        Logits = V(logits, n * config.VocabSize);
        Losses = V(losses, n);
    }

    /// <summary>The backing buffer (dispose through the model).</summary>
    public DeviceBuffer Buffer { get; }

    /// <summary>Token + position embeddings (N,C).</summary>
    public DeviceSlice Encoded { get; }

    /// <summary>Per-layer views.</summary>
    public List<Block> Blocks { get; } = [];

    /// <summary>Final LayerNorm output (N,C) and its statistics.</summary>
    public DeviceSlice Lnf { get; }

    /// <summary>Final LayerNorm means (N).</summary>
    public DeviceSlice LnfMean { get; }

    /// <summary>Final LayerNorm reciprocal standard deviations (N).</summary>
    public DeviceSlice LnfRstd { get; }

    /// <summary>Logits (N,V), overwritten in place by probabilities and then by their gradient.</summary>
    public DeviceSlice Logits { get; }

    /// <summary>Per-position losses (N).</summary>
    public DeviceSlice Losses { get; }

    private long Reserve(long length)
    {
        var offset = _used;
        _used += (length + 15) / 16 * 16;
        return offset;
    }

    // An absent view (gradient layout) is an empty slice at offset 0.
    private DeviceSlice V(long offset, long length) => offset < 0 ? new DeviceSlice(Buffer, 0, 0) : new DeviceSlice(Buffer, offset, length);
}
