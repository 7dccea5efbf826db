namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="RmsNorm"/> in double precision.</summary>
public static unsafe class RmsNormReference
{
    /// <summary>Same contract as <see cref="RmsNorm.Forward"/>.</summary>
    public static void Forward(float* output, float* rstd, float* inp, float* weight, int n, int c)
    {
        for (var r = 0; r < n; r++)
        {
            var x = inp + (long)r * c;
            double ms = 0;
            for (var i = 0; i < c; i++) ms += (double)x[i] * x[i];
            var rs = 1.0 / Math.Sqrt(ms / c + RmsNorm.Epsilon);
            for (var i = 0; i < c; i++) output[(long)r * c + i] = (float)(x[i] * rs * weight[i]);
            rstd[r] = (float)rs;
        }
    }

    /// <summary>Same contract as <see cref="RmsNorm.Backward"/>.</summary>
    public static void Backward(float* dinp, float* dweight, float* dout, float* inp, float* weight, float* rstd, int n, int c)
    {
        for (var r = 0; r < n; r++)
        {
            var x = inp + (long)r * c;
            var dy = dout + (long)r * c;
            double rs = rstd[r], dot = 0;
            for (var i = 0; i < c; i++) dot += (double)weight[i] * dy[i] * x[i];
            for (var i = 0; i < c; i++)
            {
                dweight[i] += (float)(dy[i] * x[i] * rs);
                dinp[(long)r * c + i] += (float)(rs * weight[i] * dy[i] - x[i] * rs * rs * rs * dot / c);
            }
        }
    }
}
