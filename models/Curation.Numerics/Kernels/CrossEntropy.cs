using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>Fused softmax + cross-entropy over the vocabulary, in place on the logits buffer (llm.c's memory trick).</summary>
public static unsafe class CrossEntropy
{
    /// <summary>
    /// probs (N,V) = softmax(logits) and losses (N) = −ln probs[target]. <paramref name="probs"/> may alias
    /// <paramref name="logits"/>. Throws when a target is outside [0, V).
    /// </summary>
    public static void Forward(float* losses, float* probs, float* logits, int* targets, int n, int v, int threads)
    {
        var lp = (nint)losses; var pp = (nint)probs; var xp = (nint)logits; var tp = (nint)targets;
        for (var r = 0; r < n; r++)
            if ((uint)targets[r] >= (uint)v) throw new ArgumentOutOfRangeException(nameof(targets), $"target {targets[r]} at row {r} is outside the vocabulary [0, {v})");
        ParallelRange.For(threads, n, 4, (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var x = new ReadOnlySpan<float>((float*)xp + (long)r * v, v);
                var p = new Span<float>((float*)pp + (long)r * v, v);
                var max = TensorPrimitives.Max(x);
                TensorPrimitives.Subtract(x, max, p);
                TensorPrimitives.Exp(p, p);
                var sum = TensorPrimitives.Sum(p);
                var target = ((int*)tp)[r];
                // −ln p[target] from the unnormalised value keeps precision when p[target] underflows.
                ((float*)lp)[r] = MathF.Log(sum) - MathF.Log(p[target]) ;
                if (float.IsInfinity(((float*)lp)[r])) ((float*)lp)[r] = MathF.Log(sum) - (x[target] - max);
                TensorPrimitives.Multiply(p, 1f / sum, p);
            }
        });
    }

    /// <summary>dlogits (N,V) = (probs − onehot(target))·<paramref name="dlossScale"/>; may alias probs.</summary>
    public static void Backward(float* dlogits, float* probs, int* targets, int n, int v, float dlossScale, int threads)
    {
        var dp = (nint)dlogits; var pp = (nint)probs; var tp = (nint)targets;
        ParallelRange.For(threads, n, 4, (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var d = new Span<float>((float*)dp + (long)r * v, v);
                TensorPrimitives.Multiply(new ReadOnlySpan<float>((float*)pp + (long)r * v, v), dlossScale, d);
                d[((int*)tp)[r]] -= dlossScale;
            }
        });
    }
}
