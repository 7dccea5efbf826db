using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>Fully connected layer y = x·Wᵀ + b on the blocked SIMD <see cref="Gemm"/>, split by rows across threads.</summary>
public static unsafe class MatMul
{
    /// <summary>out (N,OC) = inp (N,C) · weight (OC,C)ᵀ + bias (OC). <paramref name="weightT"/> is C·OC floats of scratch.</summary>
    public static void Forward(float* output, float* inp, float* weight, float* bias, int n, int c, int oc, int threads, float* weightT)
    {
        Transpose(weight, oc, c, weightT, threads);
        var o = (nint)output; var x = (nint)inp; var wt = (nint)weightT; var bi = (nint)bias;
        ParallelRange.For(threads, n, 8, (start, end) =>
        {
            var op = (float*)o;
            if (bi != 0)
                for (var r = start; r < end; r++) new ReadOnlySpan<float>((float*)bi, oc).CopyTo(new Span<float>(op + (long)r * oc, oc));
            Gemm.Multiply(end - start, oc, c, (float*)x + (long)start * c, c, 1, (float*)wt, oc, op + (long)start * oc, oc, accumulate: bi != 0);
        });
    }

    /// <summary>
    /// Accumulates gradients: dinp (N,C) += dout (N,OC)·weight (OC,C); dweight (OC,C) += doutᵀ·inp; dbias (OC) += Σ_n dout.
    /// </summary>
    public static void Backward(float* dinp, float* dweight, float* dbias, float* dout, float* inp, float* weight, int n, int c, int oc, int threads)
    {
        var di = (nint)dinp; var dw = (nint)dweight; var db = (nint)dbias; var dy = (nint)dout; var x = (nint)inp; var w = (nint)weight;
        ParallelRange.For(threads, n, 8, (start, end) =>
            Gemm.Multiply(end - start, c, oc, (float*)dy + (long)start * oc, oc, 1, (float*)w, c, (float*)di + (long)start * c, c, accumulate: true));
        ParallelRange.For(threads, oc, 8, (start, end) =>
        {
            Gemm.Multiply(end - start, c, n, (float*)dy + start, 1, oc, (float*)x, c, (float*)dw + (long)start * c, c, accumulate: true);
            if (db == 0) return;
            var acc = new Span<float>((float*)db + start, end - start);
            for (var r = 0; r < n; r++)
                TensorPrimitives.Add(acc, new ReadOnlySpan<float>((float*)dy + (long)r * oc + start, end - start), acc);
        });
    }

    /// <summary>dst (cols,rows) = srcᵀ for a row-major src (rows,cols).</summary>
    public static void Transpose(float* src, int rows, int cols, float* dst, int threads)
    {
        var s = (nint)src; var d = (nint)dst;
        ParallelRange.For(threads, cols, 16, (start, end) =>
        {
            var sp = (float*)s; var dp = (float*)d;
            // Tiles of 16 source rows keep both the reads and the writes within a few cache lines.
            for (var r0 = 0; r0 < rows; r0 += 16)
            {
                var r1 = Math.Min(rows, r0 + 16);
                for (var j = start; j < end; j++)
                    for (var r = r0; r < r1; r++) dp[(long)j * rows + r] = sp[(long)r * cols + j];
            }
        });
    }
}
