using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>
/// Causal multi-head self-attention on a fused qkv buffer, one (batch, head) pair per work item. Each pair runs
/// as small <see cref="Gemm"/> calls over 64-row blocks that stop at the diagonal, so the masked upper triangle
/// is never computed.
/// </summary>
public static unsafe class Attention
{
    private const int RowBlock = 64;

    /// <summary>out (B,T,C) = softmax(QKᵀ/√hs + causal mask)·V from qkv (B,T,3C); saves the probabilities att (B,H,T,T).</summary>
    public static void Forward(float* output, float* att, float* qkv, int b, int t, int c, int h, int threads)
    {
        var hs = c / h;
        var scale = 1f / MathF.Sqrt(hs);
        var o = (nint)output; var ap = (nint)att; var qp = (nint)qkv;
        ParallelRange.For(threads, b * h, 1, (start, end) =>
        {
            var kt = Scratch.First((long)hs * t);
            fixed (float* ktp = kt)
                for (var bh = start; bh < end; bh++)
                {
                    var bi = bh / h; var hi = bh % h;
                    var q = (float*)qp + (long)bi * t * 3 * c + hi * hs;
                    var k = q + c; var v = q + 2 * c;
                    var p = (float*)ap + (long)bh * t * t;
                    TransposeHead(k, 3 * c, t, hs, ktp);
                    for (var r0 = 0; r0 < t; r0 += RowBlock)
                    {
                        var rows = Math.Min(RowBlock, t - r0);
                        Gemm.Multiply(rows, r0 + rows, hs, q + (long)r0 * 3 * c, 3 * c, 1, ktp, t, p + (long)r0 * t, t, false);
                    }
                    for (var i = 0; i < t; i++)
                    {
                        var row = new Span<float>(p + (long)i * t, i + 1);
                        TensorPrimitives.Multiply(row, scale, row);
                        var max = TensorPrimitives.Max(row);
                        TensorPrimitives.Subtract(row, max, row);
                        TensorPrimitives.Exp(row, row);
                        TensorPrimitives.Multiply(row, 1f / TensorPrimitives.Sum(row), row);
                        new Span<float>(p + (long)i * t + i + 1, t - i - 1).Clear();
                    }
                    var y = (float*)o + (long)bi * t * c + hi * hs;
                    for (var r0 = 0; r0 < t; r0 += RowBlock)
                    {
                        var rows = Math.Min(RowBlock, t - r0);
                        Gemm.Multiply(rows, hs, r0 + rows, p + (long)r0 * t, t, 1, v, 3 * c, y + (long)r0 * c, c, false);
                    }
                }
        });
    }

    /// <summary>dqkv (B,T,3C) += the gradient of <see cref="Forward"/> given dout (B,T,C), qkv and the saved att.</summary>
    public static void Backward(float* dqkv, float* dout, float* qkv, float* att, int b, int t, int c, int h, int threads)
    {
        var hs = c / h;
        var scale = 1f / MathF.Sqrt(hs);
        var dq = (nint)dqkv; var dy = (nint)dout; var qp = (nint)qkv; var ap = (nint)att;
        ParallelRange.For(threads, b * h, 1, (start, end) =>
        {
            var vtArray = Scratch.First((long)hs * t);
            var dsArray = Scratch.Second((long)t * t);
            fixed (float* vt = vtArray)
            fixed (float* ds = dsArray)
                for (var bh = start; bh < end; bh++)
                {
                    var bi = bh / h; var hi = bh % h;
                    var q = (float*)qp + (long)bi * t * 3 * c + hi * hs;
                    var k = q + c; var v = q + 2 * c;
                    var dQ = (float*)dq + (long)bi * t * 3 * c + hi * hs;
                    var dK = dQ + c; var dV = dQ + 2 * c;
                    var dO = (float*)dy + (long)bi * t * c + hi * hs;
                    var p = (float*)ap + (long)bh * t * t;
                    TransposeHead(v, 3 * c, t, hs, vt);
                    // dP = dO·Vᵀ on and below the diagonal.
                    for (var r0 = 0; r0 < t; r0 += RowBlock)
                    {
                        var rows = Math.Min(RowBlock, t - r0);
                        Gemm.Multiply(rows, r0 + rows, hs, dO + (long)r0 * c, c, 1, vt, t, ds + (long)r0 * t, t, false);
                    }
                    // dS = P ⊙ (dP − Σ_j P·dP)·scale, zero above the diagonal.
                    for (var i = 0; i < t; i++)
                    {
                        var pr = new ReadOnlySpan<float>(p + (long)i * t, i + 1);
                        var dr = new Span<float>(ds + (long)i * t, i + 1);
                        var dot = TensorPrimitives.Dot(pr, dr);
                        TensorPrimitives.Subtract(dr, dot, dr);
                        TensorPrimitives.Multiply(dr, pr, dr);
                        TensorPrimitives.Multiply(dr, scale, dr);
                        new Span<float>(ds + (long)i * t + i + 1, t - i - 1).Clear();
                    }
                    for (var r0 = 0; r0 < t; r0 += RowBlock)
                    {
                        var rows = Math.Min(RowBlock, t - r0);
                        // dQ[r] += Σ_{j≤r} dS[r,j]·K[j]
                        Gemm.Multiply(rows, hs, r0 + rows, ds + (long)r0 * t, t, 1, k, 3 * c, dQ + (long)r0 * 3 * c, 3 * c, true);
                        // dK[j] += Σ_{i≥j} dS[i,j]·Q[i];  dV[j] += Σ_{i≥j} P[i,j]·dO[i]
                        var inner = t - r0;
                        Gemm.Multiply(rows, hs, inner, ds + (long)r0 * t + r0, 1, t, q + (long)r0 * 3 * c, 3 * c, dK + (long)r0 * 3 * c, 3 * c, true);
                        Gemm.Multiply(rows, hs, inner, p + (long)r0 * t + r0, 1, t, dO + (long)r0 * c, c, dV + (long)r0 * 3 * c, 3 * c, true);
                    }
                }
        });
    }

    // dst (hs,T) = the head's (T,hs) slice, read with row stride ld.
    private static void TransposeHead(float* src, int ld, int t, int hs, float* dst)
    {
        for (var j = 0; j < t; j++)
        {
            var row = src + (long)j * ld;
            for (var d = 0; d < hs; d++) dst[(long)d * t + j] = row[d];
        }
    }
}
