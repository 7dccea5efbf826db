using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>LayerNorm over the last dimension (ε = 1e-5), vectorised with TensorPrimitives and split by rows.</summary>
public static unsafe class LayerNorm
{
    /// <summary>The ε added to the variance, as in PyTorch's default.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>out (N,C) = (inp − mean)·rstd·weight + bias; saves mean (N) and rstd (N) for the backward pass.</summary>
    public static void Forward(float* output, float* mean, float* rstd, float* inp, float* weight, float* bias, int n, int c, int threads)
    {
        var o = (nint)output; var mp = (nint)mean; var rp = (nint)rstd; var x = (nint)inp; var w = (nint)weight; var b = (nint)bias;
        ParallelRange.For(threads, n, 16, (start, end) =>
        {
            var tmp = new float[c];
            var ws = new ReadOnlySpan<float>((float*)w, c);
            var bs = new ReadOnlySpan<float>((float*)b, c);
            for (var r = start; r < end; r++)
            {
                var row = new ReadOnlySpan<float>((float*)x + (long)r * c, c);
                var m = TensorPrimitives.Sum(row) / c;
                TensorPrimitives.Subtract(row, m, tmp);
                var rs = 1f / MathF.Sqrt(TensorPrimitives.SumOfSquares(tmp) / c + Epsilon);
                TensorPrimitives.Multiply(tmp, rs, tmp);
                TensorPrimitives.FusedMultiplyAdd(tmp, ws, bs, new Span<float>((float*)o + (long)r * c, c));
                ((float*)mp)[r] = m;
                ((float*)rp)[r] = rs;
            }
        });
    }

    /// <summary>Accumulates dinp (N,C), dweight (C) and dbias (C); the parameter gradients are summed per slice, then in slice order.</summary>
    public static void Backward(float* dinp, float* dweight, float* dbias, float* dout, float* inp, float* weight, float* mean, float* rstd, int n, int c, int threads)
    {
        const int grain = 16;
        var slices = ParallelRange.SliceCount(threads, n, grain);
        var partial = new float[slices * 2 * c];
        var di = (nint)dinp; var dy = (nint)dout; var x = (nint)inp; var w = (nint)weight; var mp = (nint)mean; var rp = (nint)rstd;
        ParallelRange.ForSlices(threads, n, grain, (s, start, end) =>
        {
            var norm = new float[c];
            var dnorm = new float[c];
            var pw = partial.AsSpan(s * 2 * c, c);
            var pb = partial.AsSpan(s * 2 * c + c, c);
            var ws = new ReadOnlySpan<float>((float*)w, c);
            for (var r = start; r < end; r++)
            {
                var row = new ReadOnlySpan<float>((float*)x + (long)r * c, c);
                var dyr = new ReadOnlySpan<float>((float*)dy + (long)r * c, c);
                var rs = ((float*)rp)[r];
                TensorPrimitives.Subtract(row, ((float*)mp)[r], norm);
                TensorPrimitives.Multiply(norm, rs, norm);
                TensorPrimitives.Multiply(ws, dyr, dnorm);
                var dnormMean = TensorPrimitives.Sum(dnorm) / c;
                var dnormNormMean = TensorPrimitives.Dot(dnorm, norm) / c;
                TensorPrimitives.FusedMultiplyAdd(norm, dyr, pw, pw);
                TensorPrimitives.Add(pb, dyr, pb);
                // dinp += (dnorm − mean(dnorm) − norm·mean(dnorm·norm))·rstd
                TensorPrimitives.MultiplyAdd(norm, -dnormNormMean, dnorm, dnorm);
                TensorPrimitives.Add(dnorm, -dnormMean, dnorm);
                var dir = new Span<float>((float*)di + (long)r * c, c);
                TensorPrimitives.MultiplyAdd(dnorm, rs, dir, dir);
            }
        });
        var dws = new Span<float>(dweight, c);
        var dbs = new Span<float>(dbias, c);
        for (var s = 0; s < slices; s++)
        {
            TensorPrimitives.Add(dws, partial.AsSpan(s * 2 * c, c), dws);
            TensorPrimitives.Add(dbs, partial.AsSpan(s * 2 * c + c, c), dbs);
        }
    }
}
