namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="MatMul"/> (double accumulation, no threads, no blocking).</summary>
public static unsafe class MatMulReference
{
    /// <summary>out (N,OC) = inp (N,C) · weight (OC,C)ᵀ + bias (OC).</summary>
    public static void Forward(float* output, float* inp, float* weight, float* bias, int n, int c, int oc)
    {
        for (var r = 0; r < n; r++)
            for (var o = 0; o < oc; o++)
            {
                double acc = bias != null ? bias[o] : 0;
                for (var i = 0; i < c; i++) acc += (double)inp[(long)r * c + i] * weight[(long)o * c + i];
                output[(long)r * oc + o] = (float)acc;
            }
    }

    /// <summary>dinp += dout·weight; dweight += doutᵀ·inp; dbias += Σ dout.</summary>
    public static void Backward(float* dinp, float* dweight, float* dbias, float* dout, float* inp, float* weight, int n, int c, int oc)
    {
        for (var r = 0; r < n; r++)
            for (var i = 0; i < c; i++)
            {
                double acc = 0;
                for (var o = 0; o < oc; o++) acc += (double)dout[(long)r * oc + o] * weight[(long)o * c + i];
                dinp[(long)r * c + i] += (float)acc;
            }
        for (var o = 0; o < oc; o++)
        {
            for (var i = 0; i < c; i++)
            {
                double acc = 0;
                for (var r = 0; r < n; r++) acc += (double)dout[(long)r * oc + o] * inp[(long)r * c + i];
                dweight[(long)o * c + i] += (float)acc;
            }
            if (dbias == null) continue;
            double b = 0;
            for (var r = 0; r < n; r++) b += dout[(long)r * oc + o];
            dbias[o] += (float)b;
        }
    }
}
