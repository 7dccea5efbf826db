namespace Curation.ProxyLm.Config;

/// <summary>
/// Shape of a pre-norm decoder: GPT-2 (LayerNorm, GELU (tanh) MLP, learned positions, biases, tied head) by default, or
/// LLaMA/TinyLlama (RMSNorm, SwiGLU, rotary positions, no biases, untied head) through the options. RegMix's "1M" proxy is
/// 2 layers × 8 heads × width 256 × MLP 512 in the TinyLlama form.
/// </summary>
public sealed record ModelConfig
{
    /// <summary>Vocabulary size V (token ids are in [0, V)).</summary>
    public int VocabSize { get; init; } = 4096;

    /// <summary>Maximum sequence length (rows of the position embedding).</summary>
    public int ContextLength { get; init; } = 256;

    /// <summary>Number of transformer blocks.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Attention heads; must divide <see cref="Width"/>.</summary>
    public int Heads { get; init; } = 4;

    /// <summary>Model width C.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Hidden width of the MLP; 0 means 4·C.</summary>
    public int MlpWidth { get; init; }

    /// <summary>Share the token embedding with the LM head (GPT-2) or learn a separate head (RegMix/TinyLlama).</summary>
    public bool TiedEmbeddings { get; init; } = true;

    /// <summary>"layernorm" (GPT-2: mean, variance, gain and bias) or "rmsnorm" (LLaMA/TinyLlama: gain only).</summary>
    public string Norm { get; init; } = "layernorm";

    /// <summary>Whether the blocks use RMSNorm.</summary>
    public bool UsesRmsNorm => Norm == "rmsnorm";

    /// <summary>"gelu" (GPT-2, tanh approximation) or "swiglu" (LLaMA: fc produces gate and up halves of mlp_width each).</summary>
    public string Mlp { get; init; } = "gelu";

    /// <summary>Whether the MLP is SwiGLU.</summary>
    public bool UsesSwiGlu => Mlp == "swiglu";

    /// <summary>Output width of the first MLP matmul: mlp_width, or 2·mlp_width for SwiGLU.</summary>
    public int FcWidth => UsesSwiGlu ? 2 * EffectiveMlpWidth : EffectiveMlpWidth;

    /// <summary>The MLP width actually used.</summary>
    public int EffectiveMlpWidth => MlpWidth > 0 ? MlpWidth : 4 * Width;

    /// <summary>"learned" (GPT-2: a trained (context, C) position table added to the token embedding) or "rope" (rotary
    /// positions on the full head dimension of q and k, rotate-half pairing as in lit-gpt/TinyLlama; no position table).</summary>
    public string Positions { get; init; } = "learned";

    /// <summary>Whether q and k are rotated by RoPE instead of adding a learned position embedding.</summary>
    public bool UsesRope => Positions == "rope";

    /// <summary>RoPE base θ: pair i of a head of dimension D turns by position·θ^(−2i/D) (10000 as in Llama and TinyLlama).</summary>
    public double RopeTheta { get; init; } = 10000;

    /// <summary>Whether the linear layers (qkv, attention projection, MLP fc and projection) carry biases; GPT-2 does, LLaMA does not.</summary>
    public bool Bias { get; init; } = true;

    /// <summary>Head dimension C/H.</summary>
    public int HeadDim => Width / Math.Max(1, Heads);

    /// <summary>Throws a <see cref="ProxyLmConfigException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        Require(VocabSize > 1, "model.vocab_size must be at least 2");
        Require(ContextLength > 0, "model.context_length must be positive");
        Require(Layers > 0, "model.layers must be positive");
        Require(Width > 0, "model.width must be positive");
        Require(Heads > 0 && Width % Heads == 0, $"model.heads ({Heads}) must divide model.width ({Width})");
        Require(Norm is "layernorm" or "rmsnorm", $"model.norm must be 'layernorm' or 'rmsnorm', not '{Norm}'");
        Require(Mlp is "gelu" or "swiglu", $"model.mlp must be 'gelu' or 'swiglu', not '{Mlp}'");
        Require(MlpWidth >= 0, "model.mlp_width must not be negative");
        Require(Positions is "learned" or "rope", $"model.positions must be 'learned' or 'rope', not '{Positions}'");
        Require(!UsesRope || HeadDim % 2 == 0, $"model.positions: rope pairs the two halves of each head, so the head dimension width/heads ({HeadDim}) must be even");
        Require(double.IsFinite(RopeTheta) && RopeTheta > 1, $"model.rope_theta must be a finite number greater than 1, not {RopeTheta}");
    }

    internal static void Require(bool condition, string message)
    {
        if (!condition) throw new ProxyLmConfigException(message);
    }
}
