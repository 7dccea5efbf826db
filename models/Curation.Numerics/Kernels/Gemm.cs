using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Curation.Numerics.Kernels;

/// <summary>
/// Single-threaded blocked SIMD matrix multiply, C(M,N) (+)= A(M,K)·B(K,N), with A addressed through
/// arbitrary row/column strides (so A or Aᵀ are read in place) and B, C row-major with leading dimensions.
/// </summary>
/// <remarks>
/// The micro-kernel keeps an 8×32 (AVX-512) or 8×16 (AVX2) tile of C in registers and streams one row of B
/// per k while broadcasting A. Blocking over N (NC columns) and K (KC) keeps the B block in L2 and the A
/// strip in L1. The summation order over k is fixed by the blocking alone, so a result never depends on how
/// callers split rows across threads; <see cref="GemmReference"/> is the scalar twin used in tests.
/// </remarks>
public static unsafe class Gemm
{
    private const int Mr = 8;
    private const int Kc = 256;
    private const int Nc = 512;

    /// <summary>Computes C = A·B (or C += A·B when <paramref name="accumulate"/> is set).</summary>
    /// <param name="m">Rows of A and C.</param>
    /// <param name="n">Columns of B and C.</param>
    /// <param name="k">Inner dimension.</param>
    /// <param name="a">A(i,p) is a[i*rowStrideA + p*colStrideA].</param>
    /// <param name="rowStrideA">Distance between consecutive rows of A.</param>
    /// <param name="colStrideA">Distance between consecutive columns of A.</param>
    /// <param name="b">B(p,j) is b[p*ldb + j].</param>
    /// <param name="ldb">Row stride of B.</param>
    /// <param name="c">C(i,j) is c[i*ldc + j].</param>
    /// <param name="ldc">Row stride of C.</param>
    /// <param name="accumulate">Add to C instead of overwriting it.</param>
    public static void Multiply(int m, int n, int k, float* a, long rowStrideA, long colStrideA,
        float* b, long ldb, float* c, long ldc, bool accumulate)
    {
        if (m <= 0 || n <= 0) return;
        if (k <= 0)
        {
            if (!accumulate)
                for (var i = 0; i < m; i++) new Span<float>(c + i * ldc, n).Clear();
            return;
        }

        var nr = Vector512.IsHardwareAccelerated ? 32 : Vector256.IsHardwareAccelerated ? 16 : 0;
        for (var jc = 0; jc < n; jc += Nc)
        {
            var nb = Math.Min(Nc, n - jc);
            var nVec = nr == 0 ? 0 : nb / nr * nr;
            for (var pc = 0; pc < k; pc += Kc)
            {
                var kb = Math.Min(Kc, k - pc);
                // The first K block of an overwrite starts from zero instead of reading C: for a large C (the LM
                // head's 4096×4096 logits) that saves a full clear pass and a read of C.
                var zero = pc == 0 && !accumulate;
                var aBlock = a + pc * colStrideA;
                var bBlock = b + pc * ldb + jc;
                var cBlock = c + jc;
                var i = 0;
                for (; i + Mr <= m; i += Mr)
                {
                    for (var j = 0; j < nVec; j += nr)
                    {
                        if (nr == 32) Kernel8x32(zero, kb, aBlock + i * rowStrideA, rowStrideA, colStrideA, bBlock + j, ldb, cBlock + i * ldc + j, ldc);
                        else Kernel8x16(zero, kb, aBlock + i * rowStrideA, rowStrideA, colStrideA, bBlock + j, ldb, cBlock + i * ldc + j, ldc);
                    }
                    EdgeColumns(zero, Mr, nVec, nb, kb, aBlock + i * rowStrideA, rowStrideA, colStrideA, bBlock, ldb, cBlock + i * ldc, ldc);
                }
                if (i < m)
                {
                    for (var j = 0; j < nVec; j += nr)
                        for (var r = i; r < m; r++)
                            KernelRow(zero, nr, kb, aBlock + r * rowStrideA, colStrideA, bBlock + j, ldb, cBlock + r * ldc + j);
                    EdgeColumns(zero, m - i, nVec, nb, kb, aBlock + i * rowStrideA, rowStrideA, colStrideA, bBlock, ldb, cBlock + i * ldc, ldc);
                }
            }
        }
    }

    // Columns past the last full vector panel: scalar FMAs in the same k order as the vector path.
    private static void EdgeColumns(bool zero, int rows, int from, int to, int kb, float* a, long rsa, long csa, float* b, long ldb, float* c, long ldc)
    {
        for (var r = 0; r < rows; r++)
            for (var j = from; j < to; j++)
            {
                var acc = zero ? 0f : c[r * ldc + j];
                for (var p = 0; p < kb; p++) acc = MathF.FusedMultiplyAdd(a[r * rsa + p * csa], b[p * ldb + j], acc);
                c[r * ldc + j] = acc;
            }
    }

    // One row of C against one panel, for the rows left over below a multiple of Mr.
    private static void KernelRow(bool zero, int nr, int kb, float* a, long csa, float* b, long ldb, float* c)
    {
        if (nr == 32)
        {
            var c0 = zero ? Vector512<float>.Zero : Vector512.Load(c);
            var c1 = zero ? Vector512<float>.Zero : Vector512.Load(c + 16);
            for (var p = 0; p < kb; p++)
            {
                var av = Vector512.Create(a[p * csa]);
                c0 = Vector512.FusedMultiplyAdd(av, Vector512.Load(b + p * ldb), c0);
                c1 = Vector512.FusedMultiplyAdd(av, Vector512.Load(b + p * ldb + 16), c1);
            }
            c0.Store(c);
            c1.Store(c + 16);
        }
        else
        {
            var c0 = zero ? Vector256<float>.Zero : Vector256.Load(c);
            var c1 = zero ? Vector256<float>.Zero : Vector256.Load(c + 8);
            for (var p = 0; p < kb; p++)
            {
                var av = Vector256.Create(a[p * csa]);
                c0 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b + p * ldb), c0);
                c1 = Vector256.FusedMultiplyAdd(av, Vector256.Load(b + p * ldb + 8), c1);
            }
            c0.Store(c);
            c1.Store(c + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Ld512(bool zero, float* p) => zero ? Vector512<float>.Zero : Vector512.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Ld256(bool zero, float* p) => zero ? Vector256<float>.Zero : Vector256.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x32(bool zero, int kb, float* a, long rsa, long csa, float* b, long ldb, float* c, long ldc)
    {
        var c00 = Ld512(zero, c); var c01 = Ld512(zero, c + 16);
        var c10 = Ld512(zero, c + ldc); var c11 = Ld512(zero, c + ldc + 16);
        var c20 = Ld512(zero, c + 2 * ldc); var c21 = Ld512(zero, c + 2 * ldc + 16);
        var c30 = Ld512(zero, c + 3 * ldc); var c31 = Ld512(zero, c + 3 * ldc + 16);
        var c40 = Ld512(zero, c + 4 * ldc); var c41 = Ld512(zero, c + 4 * ldc + 16);
        var c50 = Ld512(zero, c + 5 * ldc); var c51 = Ld512(zero, c + 5 * ldc + 16);
        var c60 = Ld512(zero, c + 6 * ldc); var c61 = Ld512(zero, c + 6 * ldc + 16);
        var c70 = Ld512(zero, c + 7 * ldc); var c71 = Ld512(zero, c + 7 * ldc + 16);
        var a0 = a; var a1 = a + rsa; var a2 = a + 2 * rsa; var a3 = a + 3 * rsa;
        var a4 = a + 4 * rsa; var a5 = a + 5 * rsa; var a6 = a + 6 * rsa; var a7 = a + 7 * rsa;
        for (var p = 0; p < kb; p++)
        {
            var off = p * csa;
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            b += ldb;
            var av = Vector512.Create(a0[off]); c00 = Vector512.FusedMultiplyAdd(av, b0, c00); c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a1[off]); c10 = Vector512.FusedMultiplyAdd(av, b0, c10); c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a2[off]); c20 = Vector512.FusedMultiplyAdd(av, b0, c20); c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a3[off]); c30 = Vector512.FusedMultiplyAdd(av, b0, c30); c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a4[off]); c40 = Vector512.FusedMultiplyAdd(av, b0, c40); c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a5[off]); c50 = Vector512.FusedMultiplyAdd(av, b0, c50); c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a6[off]); c60 = Vector512.FusedMultiplyAdd(av, b0, c60); c61 = Vector512.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a7[off]); c70 = Vector512.FusedMultiplyAdd(av, b0, c70); c71 = Vector512.FusedMultiplyAdd(av, b1, c71);
        }
        c00.Store(c); c01.Store(c + 16);
        c10.Store(c + ldc); c11.Store(c + ldc + 16);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 16);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 16);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 16);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 16);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + 16);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel8x16(bool zero, int kb, float* a, long rsa, long csa, float* b, long ldb, float* c, long ldc)
    {
        var c00 = Ld256(zero, c); var c01 = Ld256(zero, c + 8);
        var c10 = Ld256(zero, c + ldc); var c11 = Ld256(zero, c + ldc + 8);
        var c20 = Ld256(zero, c + 2 * ldc); var c21 = Ld256(zero, c + 2 * ldc + 8);
        var c30 = Ld256(zero, c + 3 * ldc); var c31 = Ld256(zero, c + 3 * ldc + 8);
        var c40 = Ld256(zero, c + 4 * ldc); var c41 = Ld256(zero, c + 4 * ldc + 8);
        var c50 = Ld256(zero, c + 5 * ldc); var c51 = Ld256(zero, c + 5 * ldc + 8);
        var c60 = Ld256(zero, c + 6 * ldc); var c61 = Ld256(zero, c + 6 * ldc + 8);
        var c70 = Ld256(zero, c + 7 * ldc); var c71 = Ld256(zero, c + 7 * ldc + 8);
        var a0 = a; var a1 = a + rsa; var a2 = a + 2 * rsa; var a3 = a + 3 * rsa;
        var a4 = a + 4 * rsa; var a5 = a + 5 * rsa; var a6 = a + 6 * rsa; var a7 = a + 7 * rsa;
        for (var p = 0; p < kb; p++)
        {
            var off = p * csa;
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            b += ldb;
            var av = Vector256.Create(a0[off]); c00 = Vector256.FusedMultiplyAdd(av, b0, c00); c01 = Vector256.FusedMultiplyAdd(av, b1, c01);
            av = Vector256.Create(a1[off]); c10 = Vector256.FusedMultiplyAdd(av, b0, c10); c11 = Vector256.FusedMultiplyAdd(av, b1, c11);
            av = Vector256.Create(a2[off]); c20 = Vector256.FusedMultiplyAdd(av, b0, c20); c21 = Vector256.FusedMultiplyAdd(av, b1, c21);
            av = Vector256.Create(a3[off]); c30 = Vector256.FusedMultiplyAdd(av, b0, c30); c31 = Vector256.FusedMultiplyAdd(av, b1, c31);
            av = Vector256.Create(a4[off]); c40 = Vector256.FusedMultiplyAdd(av, b0, c40); c41 = Vector256.FusedMultiplyAdd(av, b1, c41);
            av = Vector256.Create(a5[off]); c50 = Vector256.FusedMultiplyAdd(av, b0, c50); c51 = Vector256.FusedMultiplyAdd(av, b1, c51);
            av = Vector256.Create(a6[off]); c60 = Vector256.FusedMultiplyAdd(av, b0, c60); c61 = Vector256.FusedMultiplyAdd(av, b1, c61);
            av = Vector256.Create(a7[off]); c70 = Vector256.FusedMultiplyAdd(av, b0, c70); c71 = Vector256.FusedMultiplyAdd(av, b1, c71);
        }
        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + ldc); c11.Store(c + ldc + 8);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 8);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 8);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 8);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 8);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + 8);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + 8);
    }
}
