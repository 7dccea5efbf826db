namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="Rope"/> in double precision; it derives every angle from θ itself rather than from tables.</summary>
public static unsafe class RopeReference
{
    /// <summary>Same contract as <see cref="Rope.Forward"/>, with the base <paramref name="theta"/> in place of the tables.</summary>
    public static void Forward(float* output, float* inp, int n, int t, int rowStride, int heads, int headDim, double theta) =>
        Rotate(output, inp, n, t, rowStride, heads, headDim, theta, 1);

    /// <summary>Same contract as <see cref="Rope.Backward"/>, with the base <paramref name="theta"/> in place of the tables.</summary>
    public static void Backward(float* dinp, float* dout, int n, int t, int rowStride, int heads, int headDim, double theta) =>
        Rotate(dinp, dout, n, t, rowStride, heads, headDim, theta, -1);

    private static void Rotate(float* output, float* inp, int n, int t, int rowStride, int heads, int headDim, double theta, int direction)
    {
        var half = headDim / 2;
        for (var r = 0; r < n; r++)
        {
            var p = r % t;
            for (var h = 0; h < heads; h++)
            {
                var baseIndex = (long)r * rowStride + h * headDim;
                for (var i = 0; i < half; i++)
                {
                    var angle = direction * p * Math.Pow(theta, -2.0 * i / headDim);
                    double a = inp[baseIndex + i], b = inp[baseIndex + half + i];
                    output[baseIndex + i] = (float)(a * Math.Cos(angle) - b * Math.Sin(angle));
                    output[baseIndex + half + i] = (float)(b * Math.Cos(angle) + a * Math.Sin(angle));
                }
            }
        }
    }
}
