using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>GELU, tanh approximation (GPT-2's), vectorised in L1-sized chunks with TensorPrimitives.</summary>
public static unsafe class Gelu
{
    /// <summary>√(2/π).</summary>
    public const float Scale = 0.7978845608028654f;
    /// <summary>The cubic coefficient of the tanh approximation.</summary>
    public const float Cubic = 0.044715f;
    private const int Chunk = 1024;

    /// <summary>out (N) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715x³))).</summary>
    public static void Forward(float* output, float* inp, long n, int threads)
    {
        var o = (nint)output; var x = (nint)inp;
        var chunks = (int)((n + Chunk - 1) / Chunk);
        ParallelRange.For(threads, chunks, 4, (start, end) =>
        {
            Span<float> t = stackalloc float[Chunk];
            for (var ch = start; ch < end; ch++)
            {
                var off = (long)ch * Chunk;
                var len = (int)Math.Min(Chunk, n - off);
                var xs = new ReadOnlySpan<float>((float*)x + off, len);
                var ts = t[..len];
                Inner(xs, ts);
                TensorPrimitives.Tanh(ts, ts);
                TensorPrimitives.Add(ts, 1f, ts);
                TensorPrimitives.Multiply(ts, xs, ts);
                TensorPrimitives.Multiply(ts, 0.5f, new Span<float>((float*)o + off, len));
            }
        });
    }

    /// <summary>dinp (N) += gelu'(inp)·dout.</summary>
    public static void Backward(float* dinp, float* inp, float* dout, long n, int threads)
    {
        var di = (nint)dinp; var x = (nint)inp; var dy = (nint)dout;
        var chunks = (int)((n + Chunk - 1) / Chunk);
        ParallelRange.For(threads, chunks, 4, (start, end) =>
        {
            Span<float> t = stackalloc float[Chunk];
            Span<float> d = stackalloc float[Chunk];
            for (var ch = start; ch < end; ch++)
            {
                var off = (long)ch * Chunk;
                var len = (int)Math.Min(Chunk, n - off);
                var xs = new ReadOnlySpan<float>((float*)x + off, len);
                var ts = t[..len];
                var ds = d[..len];
                Inner(xs, ts);
                TensorPrimitives.Tanh(ts, ts);
                // local = 0.5(1+t) + 0.5·x·(1−t²)·√(2/π)·(1 + 3·0.044715·x²)
                TensorPrimitives.Multiply(xs, xs, ds);
                TensorPrimitives.Multiply(ds, 3 * Cubic * Scale, ds);
                TensorPrimitives.Add(ds, Scale, ds);
                TensorPrimitives.Multiply(ds, xs, ds);
                TensorPrimitives.Multiply(ds, 0.5f, ds);
                var sech2 = ds; // reuse: ds·(1 − t²)
                for (var i = 0; i < len; i++) sech2[i] *= 1 - ts[i] * ts[i];
                TensorPrimitives.Multiply(ts, 0.5f, ts);
                TensorPrimitives.Add(ts, 0.5f, ts);
                TensorPrimitives.Add(ts, ds, ts);
                var dst = new Span<float>((float*)di + off, len);
                TensorPrimitives.FusedMultiplyAdd(ts, new ReadOnlySpan<float>((float*)dy + off, len), dst, dst);
            }
        });
    }

    // t = √(2/π)·(x + 0.044715x³) = x·(Scale + Scale·Cubic·x²)
    private static void Inner(ReadOnlySpan<float> x, Span<float> t)
    {
        TensorPrimitives.Multiply(x, x, t);
        TensorPrimitives.Multiply(t, Scale * Cubic, t);
        TensorPrimitives.Add(t, Scale, t);
        TensorPrimitives.Multiply(t, x, t);
    }
}
