namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="LayerNorm"/>, written the textbook way in double precision.</summary>
public static unsafe class LayerNormReference
{
    /// <summary>Same contract as <see cref="LayerNorm.Forward"/>.</summary>
    public static void Forward(float* output, float* mean, float* rstd, float* inp, float* weight, float* bias, int n, int c)
    {
        for (var r = 0; r < n; r++)
        {
            var x = inp + (long)r * c;
            double m = 0;
            for (var i = 0; i < c; i++) m += x[i];
            m /= c;
            double v = 0;
            for (var i = 0; i < c; i++) v += (x[i] - m) * (x[i] - m);
            v /= c;
            var rs = 1.0 / Math.Sqrt(v + LayerNorm.Epsilon);
            for (var i = 0; i < c; i++) output[(long)r * c + i] = (float)((x[i] - m) * rs * weight[i] + bias[i]);
            mean[r] = (float)m;
            rstd[r] = (float)rs;
        }
    }

    /// <summary>Same contract as <see cref="LayerNorm.Backward"/>.</summary>
    public static void Backward(float* dinp, float* dweight, float* dbias, float* dout, float* inp, float* weight, float* mean, float* rstd, int n, int c)
    {
        for (var r = 0; r < n; r++)
        {
            var x = inp + (long)r * c;
            var dy = dout + (long)r * c;
            double dnormMean = 0, dnormNormMean = 0;
            for (var i = 0; i < c; i++)
            {
                var norm = (x[i] - mean[r]) * (double)rstd[r];
                var dnorm = (double)weight[i] * dy[i];
                dnormMean += dnorm;
                dnormNormMean += dnorm * norm;
            }
            dnormMean /= c;
            dnormNormMean /= c;
            for (var i = 0; i < c; i++)
            {
                var norm = (x[i] - mean[r]) * (double)rstd[r];
                var dnorm = (double)weight[i] * dy[i];
                dbias[i] += dy[i];
                dweight[i] += (float)(norm * dy[i]);
                dinp[(long)r * c + i] += (float)((dnorm - dnormMean - norm * dnormNormMean) * rstd[r]);
            }
        }
    }
}
