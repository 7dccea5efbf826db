using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>RMSNorm over the last dimension (LLaMA/TinyLlama's norm, no mean, no bias), split by rows.</summary>
public static unsafe class RmsNorm
{
    /// <summary>The ε added to the mean square.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>out (N,C) = inp·rstd·weight with rstd = 1/√(mean(inp²) + ε); saves rstd (N).</summary>
    public static void Forward(float* output, float* rstd, float* inp, float* weight, int n, int c, int threads)
    {
        var o = (nint)output; var rp = (nint)rstd; var x = (nint)inp; var w = (nint)weight;
        ParallelRange.For(threads, n, 16, (start, end) =>
        {
            var ws = new ReadOnlySpan<float>((float*)w, c);
            for (var r = start; r < end; r++)
            {
                var row = new ReadOnlySpan<float>((float*)x + (long)r * c, c);
                var rs = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(row) / c + Epsilon);
                var dst = new Span<float>((float*)o + (long)r * c, c);
                TensorPrimitives.Multiply(row, ws, dst);
                TensorPrimitives.Multiply(dst, rs, dst);
                ((float*)rp)[r] = rs;
            }
        });
    }

    /// <summary>Accumulates dinp (N,C) and dweight (C); dweight is summed per slice, then in slice order.</summary>
    public static void Backward(float* dinp, float* dweight, float* dout, float* inp, float* weight, float* rstd, int n, int c, int threads)
    {
        const int grain = 16;
        var slices = ParallelRange.SliceCount(threads, n, grain);
        var partial = new float[slices * c];
        var di = (nint)dinp; var dy = (nint)dout; var x = (nint)inp; var w = (nint)weight; var rp = (nint)rstd;
        ParallelRange.ForSlices(threads, n, grain, (s, start, end) =>
        {
            var wdy = new float[c];
            var norm = new float[c];
            var pw = partial.AsSpan(s * c, c);
            var ws = new ReadOnlySpan<float>((float*)w, c);
            for (var r = start; r < end; r++)
            {
                var row = new ReadOnlySpan<float>((float*)x + (long)r * c, c);
                var dyr = new ReadOnlySpan<float>((float*)dy + (long)r * c, c);
                var rs = ((float*)rp)[r];
                TensorPrimitives.Multiply(row, rs, norm);
                TensorPrimitives.FusedMultiplyAdd(norm, dyr, pw, pw);
                TensorPrimitives.Multiply(ws, dyr, wdy);
                // dinp += rstd·(w⊙dy) − norm·rstd·mean(w⊙dy⊙norm)
                var k = TensorPrimitives.Dot(wdy, norm) / c;
                TensorPrimitives.MultiplyAdd(norm, -k, wdy, wdy);
                var dir = new Span<float>((float*)di + (long)r * c, c);
                TensorPrimitives.MultiplyAdd(wdy, rs, dir, dir);
            }
        });
        var dws = new Span<float>(dweight, c);
        for (var s = 0; s < slices; s++) TensorPrimitives.Add(dws, partial.AsSpan(s * c, c), dws);
    }
}
