using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Model;

/// <summary>
/// The order and offsets of every parameter tensor in the single contiguous parameter buffer (gradients and
/// AdamW moments use the same layout). Per layer: ln1, qkv, attention projection, ln2, fc, fc projection. The position
/// table exists only for learned positions and the linear-layer biases only when <see cref="ModelConfig.Bias"/> is set.
/// </summary>
public sealed class ParameterLayout
{
    private readonly Dictionary<string, ParameterTensor> _byName = new(StringComparer.Ordinal);

    /// <summary>Builds the layout for a model shape.</summary>
    public ParameterLayout(ModelConfig config)
    {
        config.Validate();
        var c = config.Width;
        var m = config.EffectiveMlpWidth;
        Add("wte", config.VocabSize, c, true);
        if (!config.UsesRope) Add("wpe", config.ContextLength, c, true);
        for (var l = 0; l < config.Layers; l++)
        {
            var p = $"h.{l}.";
            Add(p + "ln1.weight", 1, c, false);
            if (!config.UsesRmsNorm) Add(p + "ln1.bias", 1, c, false);
            Add(p + "attn.qkv.weight", 3 * c, c, true);
            if (config.Bias) Add(p + "attn.qkv.bias", 1, 3 * c, false);
            Add(p + "attn.proj.weight", c, c, true);
            if (config.Bias) Add(p + "attn.proj.bias", 1, c, false);
            Add(p + "ln2.weight", 1, c, false);
            if (!config.UsesRmsNorm) Add(p + "ln2.bias", 1, c, false);
            Add(p + "mlp.fc.weight", config.FcWidth, c, true);
            if (config.Bias) Add(p + "mlp.fc.bias", 1, config.FcWidth, false);
            Add(p + "mlp.proj.weight", c, m, true);
            if (config.Bias) Add(p + "mlp.proj.bias", 1, c, false);
        }
        Add("lnf.weight", 1, c, false);
        if (!config.UsesRmsNorm) Add("lnf.bias", 1, c, false);
        if (!config.TiedEmbeddings) Add("lm_head.weight", config.VocabSize, c, true);
        NonEmbeddingCount = Total - _byName["wte"].Length - (config.UsesRope ? 0 : _byName["wpe"].Length) - (config.TiedEmbeddings ? 0 : _byName["lm_head.weight"].Length);
    }

    /// <summary>All tensors in buffer order.</summary>
    public List<ParameterTensor> Tensors { get; } = [];

    /// <summary>Total float count.</summary>
    public long Total { get; private set; }

    /// <summary>Parameters outside the token/position embeddings and untied head (RegMix counts model size this way).</summary>
    public long NonEmbeddingCount { get; }

    /// <summary>Whether a tensor with this name exists in this model shape.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The tensor with this name.</summary>
    public ParameterTensor this[string name] => _byName.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"no parameter named {name}");

    private void Add(string name, int rows, int columns, bool decay)
    {
        var t = new ParameterTensor(name, Total, rows, columns, decay);
        Tensors.Add(t);
        _byName.Add(name, t);
        // Keep every tensor 16-float aligned so SIMD loads of a row start on a 64-byte boundary.
        Total += (t.Length + 15) / 16 * 16;
    }
}
