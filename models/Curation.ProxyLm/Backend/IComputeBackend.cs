namespace Curation.ProxyLm.Backend;

/// <summary>
/// The seam between the GPT model and the hardware. Model code owns no pointers: it allocates
/// <see cref="DeviceBuffer"/>s here and calls these layer operations on named <see cref="DeviceSlice"/>s, so a GPU
/// backend (TorchSharp, CUDA) is one more implementation of this interface and the model does not change.
/// Gradient outputs accumulate (+=); the model zeroes them once per step. Shapes use B batch, T time, C channels,
/// OC output channels, H heads, V vocabulary, N = B·T rows.
/// </summary>
public interface IComputeBackend : IDisposable
{
    /// <summary>A short name for logs ("cpu-avx512 x2").</summary>
    string Name { get; }

    /// <summary>A zero-filled buffer of <paramref name="length"/> floats.</summary>
    DeviceBuffer Allocate(long length);

    /// <summary>Host → device copy.</summary>
    void Upload(ReadOnlySpan<float> source, DeviceSlice destination);

    /// <summary>Device → host copy.</summary>
    void Download(DeviceSlice source, Span<float> destination);

    /// <summary>Sets every element of the slice to zero.</summary>
    void Zero(DeviceSlice slice);

    /// <summary>out (B,T,C) = wte[tokens] + wpe[t] (wpe is null for rotary models). Tokens are host-side (small) and already validated.</summary>
    void EncoderForward(DeviceSlice output, ReadOnlySpan<int> tokens, DeviceSlice wte, DeviceSlice? wpe, int b, int t, int c);

    /// <summary>dwte += scatter(dout by tokens); dwpe += Σ_b dout (dwpe is null for rotary models).</summary>
    void EncoderBackward(DeviceSlice dwte, DeviceSlice? dwpe, DeviceSlice dout, ReadOnlySpan<int> tokens, int b, int t, int c);

    /// <summary>
    /// In place on qkv (B,T,3C): rotates every q and k head (D = C/H) by its position with the rotate-half RoPE pairing
    /// [x1, x2] → [x1·cos − x2·sin, x2·cos + x1·sin]; v is untouched. cos and sin are (T, D/2) tables.
    /// </summary>
    void RopeForward(DeviceSlice qkv, DeviceSlice cos, DeviceSlice sin, int b, int t, int c, int h);

    /// <summary>
    /// In place on dqkv (B,T,3C): the transposed rotation of <see cref="RopeForward"/> on the q and k gradients. Unlike
    /// the other backward calls it overwrites, so run it right after <see cref="AttentionBackward"/> filled dqkv.
    /// </summary>
    void RopeBackward(DeviceSlice dqkv, DeviceSlice cos, DeviceSlice sin, int b, int t, int c, int h);

    /// <summary>out (N,C) = LayerNorm(inp)·weight + bias; saves mean (N), rstd (N).</summary>
    void LayerNormForward(DeviceSlice output, DeviceSlice mean, DeviceSlice rstd, DeviceSlice inp, DeviceSlice weight, DeviceSlice bias, int n, int c);

    /// <summary>dinp (N,C), dweight (C), dbias (C) += gradients of <see cref="LayerNormForward"/>.</summary>
    void LayerNormBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice dbias, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, DeviceSlice mean, DeviceSlice rstd, int n, int c);

    /// <summary>out (N,C) = inp·rstd·weight with rstd = 1/√(mean(inp²) + ε); saves rstd (N).</summary>
    void RmsNormForward(DeviceSlice output, DeviceSlice rstd, DeviceSlice inp, DeviceSlice weight, int n, int c);

    /// <summary>dinp (N,C) and dweight (C) += gradients of <see cref="RmsNormForward"/>.</summary>
    void RmsNormBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, DeviceSlice rstd, int n, int c);

    /// <summary>out (N,OC) = inp (N,C)·weight (OC,C)ᵀ + bias (OC); bias may be null.</summary>
    void MatMulForward(DeviceSlice output, DeviceSlice inp, DeviceSlice weight, DeviceSlice? bias, int n, int c, int oc);

    /// <summary>dinp += dout·weight, dweight += doutᵀ·inp, dbias += Σ dout (dbias may be null).</summary>
    void MatMulBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice? dbias, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, int n, int c, int oc);

    /// <summary>Causal self-attention: out (B,T,C) from qkv (B,T,3C); saves att (B,H,T,T).</summary>
    void AttentionForward(DeviceSlice output, DeviceSlice att, DeviceSlice qkv, int b, int t, int c, int h);

    /// <summary>dqkv (B,T,3C) += gradient of <see cref="AttentionForward"/>.</summary>
    void AttentionBackward(DeviceSlice dqkv, DeviceSlice dout, DeviceSlice qkv, DeviceSlice att, int b, int t, int c, int h);

    /// <summary>out = GELU(inp), tanh approximation.</summary>
    void GeluForward(DeviceSlice output, DeviceSlice inp);

    /// <summary>dinp += GELU'(inp)·dout.</summary>
    void GeluBackward(DeviceSlice dinp, DeviceSlice inp, DeviceSlice dout);

    /// <summary>out (N,M) = SiLU(inp[:, :M])·inp[:, M:] for inp (N,2M).</summary>
    void SwiGluForward(DeviceSlice output, DeviceSlice inp, int n, int m);

    /// <summary>dinp (N,2M) += gradient of <see cref="SwiGluForward"/>.</summary>
    void SwiGluBackward(DeviceSlice dinp, DeviceSlice inp, DeviceSlice dout, int n, int m);

    /// <summary>out = a + b.</summary>
    void Add(DeviceSlice output, DeviceSlice a, DeviceSlice b);

    /// <summary>destination += source.</summary>
    void AddInPlace(DeviceSlice destination, DeviceSlice source);

    /// <summary>In place: logits (N,V) become softmax probabilities; losses (N) = −ln p[target]. Targets are host-side.</summary>
    void CrossEntropyForward(DeviceSlice losses, DeviceSlice logits, ReadOnlySpan<int> targets, int n, int v);

    /// <summary>In place: probs (N,V) become dlogits = (probs − onehot)·dlossScale.</summary>
    void CrossEntropyBackward(DeviceSlice probs, ReadOnlySpan<int> targets, int n, int v, float dlossScale);

    /// <summary>Σ x² with a fixed summation order (for gradient-norm clipping).</summary>
    double SumOfSquares(DeviceSlice x);

    /// <summary>One AdamW step on a parameter slice and its gradient and moments.</summary>
    void AdamWUpdate(DeviceSlice param, DeviceSlice grad, DeviceSlice m, DeviceSlice v, float lr, float beta1, float beta2, float eps, float weightDecay, float gradScale, int step);
}
