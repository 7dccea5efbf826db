using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>SwiGLU gating (LLaMA's MLP): out = SiLU(gate)·up, with gate and up the two halves of each input row.</summary>
public static unsafe class SwiGlu
{
    /// <summary>out (N,M) = SiLU(inp[:, :M]) ⊙ inp[:, M:] for inp (N,2M).</summary>
    public static void Forward(float* output, float* inp, int n, int m, int threads)
    {
        var o = (nint)output; var x = (nint)inp;
        ParallelRange.For(threads, n, 8, (start, end) =>
        {
            var s = new float[m];
            for (var r = start; r < end; r++)
            {
                var gate = new ReadOnlySpan<float>((float*)x + (long)r * 2 * m, m);
                var up = new ReadOnlySpan<float>((float*)x + (long)r * 2 * m + m, m);
                TensorPrimitives.Sigmoid(gate, s);
                TensorPrimitives.Multiply(s, gate, s);
                TensorPrimitives.Multiply(s, up, new Span<float>((float*)o + (long)r * m, m));
            }
        });
    }

    /// <summary>dinp (N,2M) += gradient of <see cref="Forward"/>: dgate = dout·up·σ(g)(1 + g(1 − σ(g))), dup = dout·SiLU(g).</summary>
    public static void Backward(float* dinp, float* inp, float* dout, int n, int m, int threads)
    {
        var di = (nint)dinp; var x = (nint)inp; var dy = (nint)dout;
        ParallelRange.For(threads, n, 8, (start, end) =>
        {
            var s = new float[m];
            var t = new float[m];
            for (var r = start; r < end; r++)
            {
                var gate = new ReadOnlySpan<float>((float*)x + (long)r * 2 * m, m);
                var up = new ReadOnlySpan<float>((float*)x + (long)r * 2 * m + m, m);
                var dyr = new ReadOnlySpan<float>((float*)dy + (long)r * m, m);
                var dgate = new Span<float>((float*)di + (long)r * 2 * m, m);
                var dup = new Span<float>((float*)di + (long)r * 2 * m + m, m);
                TensorPrimitives.Sigmoid(gate, s);
                // dup += dout·g·σ(g)
                TensorPrimitives.Multiply(s, gate, t);
                TensorPrimitives.FusedMultiplyAdd(t, dyr, dup, dup);
                // t = σ(g)·(1 + g − g·σ(g)) = σ(g) + g·σ(g) − g·σ(g)²
                TensorPrimitives.Multiply(t, s, t);
                TensorPrimitives.Subtract(s, t, t);
                TensorPrimitives.MultiplyAdd(gate, s, t, t);
                TensorPrimitives.Multiply(t, up, t);
                TensorPrimitives.FusedMultiplyAdd(t, dyr, dgate, dgate);
            }
        });
    }
}
