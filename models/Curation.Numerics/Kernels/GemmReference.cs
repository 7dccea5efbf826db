namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="Gemm"/>: the textbook triple loop, used to check the SIMD kernel.</summary>
public static unsafe class GemmReference
{
    /// <summary>Same contract as <see cref="Gemm.Multiply"/>, accumulating in double for a tight reference.</summary>
    public static void Multiply(int m, int n, int k, float* a, long rowStrideA, long colStrideA,
        float* b, long ldb, float* c, long ldc, bool accumulate)
    {
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double acc = accumulate ? c[i * ldc + j] : 0;
                for (var p = 0; p < k; p++) acc += (double)a[i * rowStrideA + p * colStrideA] * b[p * ldb + j];
                c[i * ldc + j] = (float)acc;
            }
    }
}
