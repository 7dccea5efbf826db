namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="SwiGlu"/> in double precision.</summary>
public static unsafe class SwiGluReference
{
    /// <summary>Same contract as <see cref="SwiGlu.Forward"/>.</summary>
    public static void Forward(float* output, float* inp, int n, int m)
    {
        for (var r = 0; r < n; r++)
            for (var j = 0; j < m; j++)
            {
                double g = inp[(long)r * 2 * m + j], u = inp[(long)r * 2 * m + m + j];
                output[(long)r * m + j] = (float)(g / (1 + Math.Exp(-g)) * u);
            }
    }

    /// <summary>Same contract as <see cref="SwiGlu.Backward"/>.</summary>
    public static void Backward(float* dinp, float* inp, float* dout, int n, int m)
    {
        for (var r = 0; r < n; r++)
            for (var j = 0; j < m; j++)
            {
                double g = inp[(long)r * 2 * m + j], u = inp[(long)r * 2 * m + m + j], dy = dout[(long)r * m + j];
                var s = 1 / (1 + Math.Exp(-g));
                dinp[(long)r * 2 * m + j] += (float)(dy * u * s * (1 + g * (1 - s)));
                dinp[(long)r * 2 * m + m + j] += (float)(dy * g * s);
            }
    }
}
