using Curation.Numerics.Kernels;

namespace Curation.Numerics.Tests;

public sealed unsafe class GemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 8, 32, 1 }, { 7, 31, 5 }, { 9, 33, 17 }, { 16, 64, 256 }, { 17, 100, 300 },
        { 64, 48, 257 }, { 3, 520, 40 }, { 40, 1030, 9 }, { 128, 128, 128 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesScalarTwinRowMajor(int m, int n, int k)
    {
        var a = TestData.Random(m * k, 1);
        var b = TestData.Random(k * n, 2);
        var expected = TestData.Random(m * n, 3);
        var actual = (float[])expected.Clone();
        foreach (var accumulate in new[] { false, true })
        {
            fixed (float* ap = a, bp = b, ep = expected, cp = actual)
            {
                GemmReference.Multiply(m, n, k, ap, k, 1, bp, n, ep, n, accumulate);
                Gemm.Multiply(m, n, k, ap, k, 1, bp, n, cp, n, accumulate);
            }
            TestData.AssertClose(expected, actual, 1e-5, 1e-5 * Math.Sqrt(k), $"{m}x{n}x{k} accumulate={accumulate}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesScalarTwinWithTransposedAAndPaddedStrides(int m, int n, int k)
    {
        // A is stored transposed (k rows of m), B and C live inside wider rows.
        int ldb = n + 5, ldc = n + 3;
        var a = TestData.Random(k * m, 4);
        var b = TestData.Random(k * ldb, 5);
        var expected = new float[m * ldc];
        var actual = new float[m * ldc];
        fixed (float* ap = a, bp = b, ep = expected, cp = actual)
        {
            GemmReference.Multiply(m, n, k, ap, 1, m, bp, ldb, ep, ldc, false);
            Gemm.Multiply(m, n, k, ap, 1, m, bp, ldb, cp, ldc, false);
        }
        TestData.AssertClose(expected, actual, 1e-5, 1e-5 * Math.Sqrt(k), $"transposed {m}x{n}x{k}");
    }

    [Fact]
    public void ResultDoesNotDependOnHowRowsAreSplit()
    {
        const int m = 37, n = 70, k = 300;
        var a = TestData.Random(m * k, 6);
        var b = TestData.Random(k * n, 7);
        var whole = new float[m * n];
        var split = new float[m * n];
        fixed (float* ap = a, bp = b, wp = whole, sp = split)
        {
            Gemm.Multiply(m, n, k, ap, k, 1, bp, n, wp, n, false);
            Gemm.Multiply(13, n, k, ap, k, 1, bp, n, sp, n, false);
            Gemm.Multiply(m - 13, n, k, ap + 13 * k, k, 1, bp, n, sp + 13 * n, n, false);
        }
        Assert.Equal(whole, split);
    }

    [Fact]
    public void ZeroInnerDimensionClearsOrKeepsC()
    {
        var c = new[] { 1f, 2f, 3f, 4f };
        fixed (float* cp = c)
        {
            Gemm.Multiply(2, 2, 0, null, 0, 0, null, 2, cp, 2, accumulate: true);
            Assert.Equal(new[] { 1f, 2f, 3f, 4f }, c);
            Gemm.Multiply(2, 2, 0, null, 0, 0, null, 2, cp, 2, accumulate: false);
        }
        Assert.Equal(new float[4], c);
    }
}
