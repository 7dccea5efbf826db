namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="AdamW"/>, following PyTorch's documented algorithm line by line.</summary>
public static unsafe class AdamWReference
{
    /// <summary>Same contract as <see cref="AdamW.Update"/>.</summary>
    public static void Update(float* param, float* grad, float* m, float* v, long n, float lr, float beta1, float beta2,
        float eps, float weightDecay, float gradScale, int step)
    {
        for (long i = 0; i < n; i++)
        {
            double g = grad[i] * (double)gradScale;
            double p = param[i];
            p -= lr * weightDecay * p;
            var mm = beta1 * (double)m[i] + (1 - beta1) * g;
            var vv = beta2 * (double)v[i] + (1 - beta2) * g * g;
            var mhat = mm / (1 - Math.Pow(beta1, step));
            var vhat = vv / (1 - Math.Pow(beta2, step));
            param[i] = (float)(p - lr * mhat / (Math.Sqrt(vhat) + eps));
            m[i] = (float)mm;
            v[i] = (float)vv;
        }
    }
}
