namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="Gelu"/>.</summary>
public static unsafe class GeluReference
{
    /// <summary>Same contract as <see cref="Gelu.Forward"/>.</summary>
    public static void Forward(float* output, float* inp, long n)
    {
        for (long i = 0; i < n; i++)
        {
            double x = inp[i];
            output[i] = (float)(0.5 * x * (1 + Math.Tanh(Gelu.Scale * (x + Gelu.Cubic * x * x * x))));
        }
    }

    /// <summary>Same contract as <see cref="Gelu.Backward"/>.</summary>
    public static void Backward(float* dinp, float* inp, float* dout, long n)
    {
        for (long i = 0; i < n; i++)
        {
            double x = inp[i];
            var t = Math.Tanh(Gelu.Scale * (x + Gelu.Cubic * x * x * x));
            var local = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * Gelu.Scale * (1 + 3 * Gelu.Cubic * x * x);
            dinp[i] += (float)(local * dout[i]);
        }
    }
}
