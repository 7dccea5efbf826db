using System.Numerics;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>
/// Rotary position embedding (RoPE) over the full head dimension, with the rotate-half pairing of lit-gpt, TinyLlama
/// and Hugging Face Llama: element i of a head is paired with element i + D/2 (not with its neighbour i + 1 as in the
/// original RoFormer/Meta layout), and the pair at position p turns by the angle p·θ^(−2i/D):
/// [x1, x2] → [x1·cos − x2·sin, x2·cos + x1·sin].
/// </summary>
public static unsafe class Rope
{
    /// <summary>
    /// Fills cos and sin tables (T, D/2) with cos(p·θ^(−2i/D)) and sin(p·θ^(−2i/D)) for positions p in [0, T). Angles
    /// are computed in double and rounded once, so long contexts do not accumulate float error.
    /// </summary>
    public static void Tables(Span<float> cos, Span<float> sin, int t, int headDim, double theta)
    {
        if (headDim <= 0 || headDim % 2 != 0) throw new ArgumentException($"RoPE needs an even head dimension, got {headDim}", nameof(headDim));
        if (!(theta > 1)) throw new ArgumentException($"RoPE base theta must be greater than 1, got {theta}", nameof(theta));
        var half = headDim / 2;
        if (cos.Length != t * half || sin.Length != t * half) throw new ArgumentException($"RoPE tables must hold T·D/2 = {t * half} values");
        for (var p = 0; p < t; p++)
            for (var i = 0; i < half; i++)
            {
                var angle = p * Math.Pow(theta, -2.0 * i / headDim);
                cos[p * half + i] = (float)Math.Cos(angle);
                sin[p * half + i] = (float)Math.Sin(angle);
            }
    }

    /// <summary>
    /// Rotates <paramref name="heads"/> consecutive heads of D = <paramref name="headDim"/> floats at the start of every
    /// row: out = R(p)·inp for rows (N, <paramref name="rowStride"/>) whose position is row mod <paramref name="t"/>.
    /// Columns past heads·D are not touched. <paramref name="output"/> may equal <paramref name="inp"/> (in place).
    /// For a fused qkv (N,3C) pass heads = 2H: q and k are adjacent, v is left as it is.
    /// </summary>
    public static void Forward(float* output, float* inp, float* cos, float* sin, int n, int t, int rowStride, int heads, int headDim, int threads) =>
        Rotate(output, inp, cos, sin, n, t, rowStride, heads, headDim, threads, inverse: false);

    /// <summary>
    /// dinp = R(p)ᵀ·dout, the gradient of <see cref="Forward"/> (a rotation by the opposite angle). It overwrites
    /// rather than accumulates so that it can run in place on the gradient the attention backward has just written.
    /// </summary>
    public static void Backward(float* dinp, float* dout, float* cos, float* sin, int n, int t, int rowStride, int heads, int headDim, int threads) =>
        Rotate(dinp, dout, cos, sin, n, t, rowStride, heads, headDim, threads, inverse: true);

    private static void Rotate(float* output, float* inp, float* cos, float* sin, int n, int t, int rowStride, int heads, int headDim, int threads, bool inverse)
    {
        if (headDim % 2 != 0) throw new ArgumentException($"RoPE needs an even head dimension, got {headDim}", nameof(headDim));
        if (heads * headDim > rowStride) throw new ArgumentException($"{heads} heads of {headDim} do not fit in a row of {rowStride}");
        var o = (nint)output; var x = (nint)inp; var cp = (nint)cos; var sp = (nint)sin;
        var half = headDim / 2;
        // The inverse rotation is the forward one with sin negated: flip the sign once instead of branching per element.
        var sign = inverse ? -1f : 1f;
        ParallelRange.For(threads, n, 16, (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var c = (float*)cp + (long)(r % t) * half;
                var s = (float*)sp + (long)(r % t) * half;
                for (var h = 0; h < heads; h++)
                {
                    var x1 = (float*)x + (long)r * rowStride + h * headDim;
                    var o1 = (float*)o + (long)r * rowStride + h * headDim;
                    RotateHead(o1, x1, c, s, half, sign);
                }
            }
        });
    }

    // Both halves are loaded before either is stored, so output may alias inp.
    private static void RotateHead(float* o, float* x, float* c, float* s, int half, float sign)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && half >= Vector<float>.Count)
        {
            var vsign = new Vector<float>(sign);
            for (; i <= half - Vector<float>.Count; i += Vector<float>.Count)
            {
                var a = Vector.Load(x + i);
                var b = Vector.Load(x + half + i);
                var vc = Vector.Load(c + i);
                var vs = Vector.Load(s + i) * vsign;
                Vector.Store(a * vc - b * vs, o + i);
                Vector.Store(b * vc + a * vs, o + half + i);
            }
        }
        for (; i < half; i++)
        {
            float a = x[i], b = x[half + i], ci = c[i], si = s[i] * sign;
            o[i] = a * ci - b * si;
            o[half + i] = b * ci + a * si;
        }
    }
}
