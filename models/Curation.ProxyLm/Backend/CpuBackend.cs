using System.Runtime.Intrinsics;
using Curation.Numerics.Kernels;

namespace Curation.ProxyLm.Backend;

/// <summary>
/// The multi-threaded SIMD CPU backend. Work is split statically (fixed slices per thread), so results are
/// bit-identical for a given thread count; no float reduction depends on scheduling.
/// </summary>
public sealed unsafe class CpuBackend : IComputeBackend
{
    private CpuBuffer? _transposeScratch;

    /// <summary>Creates a backend that uses <paramref name="threads"/> workers (0 = all logical processors).</summary>
    public CpuBackend(int threads = 0)
    {
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    /// <summary>Worker count.</summary>
    public int Threads { get; }

    /// <inheritdoc />
    public string Name => $"cpu-{(Vector512.IsHardwareAccelerated ? "avx512" : Vector256.IsHardwareAccelerated ? "avx2" : "scalar")} x{Threads}";

    /// <inheritdoc />
    public DeviceBuffer Allocate(long length) => new CpuBuffer(length);

    /// <inheritdoc />
    public void Upload(ReadOnlySpan<float> source, DeviceSlice destination)
    {
        if (source.Length != destination.Length) throw new ArgumentException($"upload of {source.Length} floats into a slice of {destination.Length}");
        source.CopyTo(new Span<float>(P(destination), checked((int)destination.Length)));
    }

    /// <inheritdoc />
    public void Download(DeviceSlice source, Span<float> destination)
    {
        if (source.Length != destination.Length) throw new ArgumentException($"download of a slice of {source.Length} floats into {destination.Length}");
        new ReadOnlySpan<float>(P(source), checked((int)source.Length)).CopyTo(destination);
    }

    /// <inheritdoc />
    public void Zero(DeviceSlice slice)
    {
        var p = P(slice);
        for (long off = 0; off < slice.Length; off += int.MaxValue / 2)
            new Span<float>(p + off, (int)Math.Min(int.MaxValue / 2, slice.Length - off)).Clear();
    }

    /// <inheritdoc />
    public void EncoderForward(DeviceSlice output, ReadOnlySpan<int> tokens, DeviceSlice wte, DeviceSlice? wpe, int b, int t, int c)
    {
        fixed (int* tk = tokens) Encoder.Forward(P(output), tk, P(wte), wpe is { } pe ? P(pe) : null, b, t, c, Threads);
    }

    /// <inheritdoc />
    public void EncoderBackward(DeviceSlice dwte, DeviceSlice? dwpe, DeviceSlice dout, ReadOnlySpan<int> tokens, int b, int t, int c)
    {
        fixed (int* tk = tokens) Encoder.Backward(P(dwte), dwpe is { } dpe ? P(dpe) : null, P(dout), tk, b, t, c, Threads);
    }

    /// <inheritdoc />
    public void RopeForward(DeviceSlice qkv, DeviceSlice cos, DeviceSlice sin, int b, int t, int c, int h) =>
        Rope.Forward(P(qkv), P(qkv), P(cos), P(sin), b * t, t, 3 * c, 2 * h, c / h, Threads);

    /// <inheritdoc />
    public void RopeBackward(DeviceSlice dqkv, DeviceSlice cos, DeviceSlice sin, int b, int t, int c, int h) =>
        Rope.Backward(P(dqkv), P(dqkv), P(cos), P(sin), b * t, t, 3 * c, 2 * h, c / h, Threads);

    /// <inheritdoc />
    public void LayerNormForward(DeviceSlice output, DeviceSlice mean, DeviceSlice rstd, DeviceSlice inp, DeviceSlice weight, DeviceSlice bias, int n, int c) =>
        LayerNorm.Forward(P(output), P(mean), P(rstd), P(inp), P(weight), P(bias), n, c, Threads);

    /// <inheritdoc />
    public void LayerNormBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice dbias, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, DeviceSlice mean, DeviceSlice rstd, int n, int c) =>
        LayerNorm.Backward(P(dinp), P(dweight), P(dbias), P(dout), P(inp), P(weight), P(mean), P(rstd), n, c, Threads);

    /// <inheritdoc />
    public void RmsNormForward(DeviceSlice output, DeviceSlice rstd, DeviceSlice inp, DeviceSlice weight, int n, int c) =>
        RmsNorm.Forward(P(output), P(rstd), P(inp), P(weight), n, c, Threads);

    /// <inheritdoc />
    public void RmsNormBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, DeviceSlice rstd, int n, int c) =>
        RmsNorm.Backward(P(dinp), P(dweight), P(dout), P(inp), P(weight), P(rstd), n, c, Threads);

    /// <inheritdoc />
    public void MatMulForward(DeviceSlice output, DeviceSlice inp, DeviceSlice weight, DeviceSlice? bias, int n, int c, int oc)
    {
        if (_transposeScratch is null || _transposeScratch.Length < (long)c * oc)
        {
            _transposeScratch?.Dispose();
            _transposeScratch = new CpuBuffer((long)c * oc);
        }
        MatMul.Forward(P(output), P(inp), P(weight), bias is { } bs ? P(bs) : null, n, c, oc, Threads, _transposeScratch.Pointer);
    }

    /// <inheritdoc />
    public void MatMulBackward(DeviceSlice dinp, DeviceSlice dweight, DeviceSlice? dbias, DeviceSlice dout, DeviceSlice inp, DeviceSlice weight, int n, int c, int oc) =>
        MatMul.Backward(P(dinp), P(dweight), dbias is { } db ? P(db) : null, P(dout), P(inp), P(weight), n, c, oc, Threads);

    /// <inheritdoc />
    public void AttentionForward(DeviceSlice output, DeviceSlice att, DeviceSlice qkv, int b, int t, int c, int h) =>
        Attention.Forward(P(output), P(att), P(qkv), b, t, c, h, Threads);

    /// <inheritdoc />
    public void AttentionBackward(DeviceSlice dqkv, DeviceSlice dout, DeviceSlice qkv, DeviceSlice att, int b, int t, int c, int h) =>
        Attention.Backward(P(dqkv), P(dout), P(qkv), P(att), b, t, c, h, Threads);

    /// <inheritdoc />
    public void GeluForward(DeviceSlice output, DeviceSlice inp) => Gelu.Forward(P(output), P(inp), inp.Length, Threads);

    /// <inheritdoc />
    public void GeluBackward(DeviceSlice dinp, DeviceSlice inp, DeviceSlice dout) => Gelu.Backward(P(dinp), P(inp), P(dout), inp.Length, Threads);

    /// <inheritdoc />
    public void SwiGluForward(DeviceSlice output, DeviceSlice inp, int n, int m) => SwiGlu.Forward(P(output), P(inp), n, m, Threads);

    /// <inheritdoc />
    public void SwiGluBackward(DeviceSlice dinp, DeviceSlice inp, DeviceSlice dout, int n, int m) => SwiGlu.Backward(P(dinp), P(inp), P(dout), n, m, Threads);

    /// <inheritdoc />
    public void Add(DeviceSlice output, DeviceSlice a, DeviceSlice b) => Reductions.Add(P(output), P(a), P(b), a.Length, Threads);

    /// <inheritdoc />
    public void AddInPlace(DeviceSlice destination, DeviceSlice source) => Reductions.AddInPlace(P(destination), P(source), source.Length, Threads);

    /// <inheritdoc />
    public void CrossEntropyForward(DeviceSlice losses, DeviceSlice logits, ReadOnlySpan<int> targets, int n, int v)
    {
        fixed (int* tp = targets) CrossEntropy.Forward(P(losses), P(logits), P(logits), tp, n, v, Threads);
    }

    /// <inheritdoc />
    public void CrossEntropyBackward(DeviceSlice probs, ReadOnlySpan<int> targets, int n, int v, float dlossScale)
    {
        fixed (int* tp = targets) CrossEntropy.Backward(P(probs), P(probs), tp, n, v, dlossScale, Threads);
    }

    /// <inheritdoc />
    public double SumOfSquares(DeviceSlice x) => Reductions.SumOfSquares(P(x), x.Length, Threads);

    /// <inheritdoc />
    public void AdamWUpdate(DeviceSlice param, DeviceSlice grad, DeviceSlice m, DeviceSlice v, float lr, float beta1, float beta2, float eps, float weightDecay, float gradScale, int step) =>
        AdamW.Update(P(param), P(grad), P(m), P(v), param.Length, lr, beta1, beta2, eps, weightDecay, gradScale, step, Threads);

    /// <inheritdoc />
    public void Dispose() => _transposeScratch?.Dispose();

    private static float* P(DeviceSlice s) => s.Buffer is CpuBuffer cb
        ? cb.Pointer + s.Offset
        : throw new ArgumentException($"slice belongs to a {s.Buffer.GetType().Name}, not to the CPU backend");
}
