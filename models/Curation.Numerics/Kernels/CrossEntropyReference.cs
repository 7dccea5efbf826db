namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="CrossEntropy"/> in double precision.</summary>
public static unsafe class CrossEntropyReference
{
    /// <summary>Same contract as <see cref="CrossEntropy.Forward"/> (no aliasing).</summary>
    public static void Forward(float* losses, float* probs, float* logits, int* targets, int n, int v)
    {
        for (var r = 0; r < n; r++)
        {
            var x = logits + (long)r * v;
            double max = double.NegativeInfinity;
            for (var i = 0; i < v; i++) max = Math.Max(max, x[i]);
            double sum = 0;
            for (var i = 0; i < v; i++) sum += Math.Exp(x[i] - max);
            for (var i = 0; i < v; i++) probs[(long)r * v + i] = (float)(Math.Exp(x[i] - max) / sum);
            losses[r] = (float)(Math.Log(sum) - (x[targets[r]] - max));
        }
    }

    /// <summary>Same contract as <see cref="CrossEntropy.Backward"/>.</summary>
    public static void Backward(float* dlogits, float* probs, int* targets, int n, int v, float dlossScale)
    {
        for (var r = 0; r < n; r++)
            for (var i = 0; i < v; i++)
                dlogits[(long)r * v + i] = (float)((probs[(long)r * v + i] - (i == targets[r] ? 1.0 : 0.0)) * dlossScale);
    }
}
