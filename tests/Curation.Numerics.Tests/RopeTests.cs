using Curation.Numerics.Kernels;

namespace Curation.Numerics.Tests;

public sealed unsafe class RopeTests
{
    // Rotate-half RoPE written out from its definition (lit-gpt / Hugging Face Llama): pair (i, i + D/2) of a head at
    // position p turns by p·θ^(−2i/D).
    private static float[] Expected(float[] x, int n, int t, int rowStride, int heads, int d, double theta)
    {
        var y = (float[])x.Clone();
        for (var r = 0; r < n; r++)
            for (var h = 0; h < heads; h++)
                for (var i = 0; i < d / 2; i++)
                {
                    var freq = 1.0 / Math.Pow(theta, 2.0 * i / d);
                    var angle = (r % t) * freq;
                    var j1 = r * rowStride + h * d + i;
                    var j2 = j1 + d / 2;
                    y[j1] = (float)(x[j1] * Math.Cos(angle) - x[j2] * Math.Sin(angle));
                    y[j2] = (float)(x[j2] * Math.Cos(angle) + x[j1] * Math.Sin(angle));
                }
        return y;
    }

    private static (float[] Cos, float[] Sin) Tables(int t, int d, double theta)
    {
        var cos = new float[t * d / 2];
        var sin = new float[t * d / 2];
        Rope.Tables(cos, sin, t, d, theta);
        return (cos, sin);
    }

    [Theory]
    [InlineData(1, 3, 5, 2, 6, 10000.0)]    // head dim 6: the scalar tail only
    [InlineData(2, 4, 37, 4, 64, 10000.0)]  // head dim 64: SIMD body, positions up to 36
    [InlineData(2, 2, 50, 3, 40, 500.0)]    // a SIMD body and a tail, another base
    public void ForwardMatchesTheFormulaAndTheTwinAndLeavesVAlone(int threads, int b, int t, int heads, int d, double theta)
    {
        int n = b * t, stride = 3 * heads * d / 2 + d;   // q and k heads, then untouched columns
        var x = TestData.Random(n * stride, 11);
        var (cos, sin) = Tables(t, d, theta);
        var expected = Expected(x, n, t, stride, heads, d, theta);
        float[] outOfPlace = new float[x.Length], twin = new float[x.Length], inPlace = (float[])x.Clone();
        fixed (float* xp = x, op = outOfPlace, tp = twin, ip = inPlace, cp = cos, sp = sin)
        {
            Rope.Forward(op, xp, cp, sp, n, t, stride, heads, d, threads);
            Rope.Forward(ip, ip, cp, sp, n, t, stride, heads, d, threads);
            RopeReference.Forward(tp, xp, n, t, stride, heads, d, theta);
        }
        // Out of place writes only the rotated heads; fill the rest from the input to compare whole rows.
        for (var r = 0; r < n; r++)
            for (var j = heads * d; j < stride; j++) outOfPlace[r * stride + j] = x[r * stride + j];
        TestData.AssertClose(expected, outOfPlace, 1e-5, 1e-6, "rope out of place");
        TestData.AssertClose(expected, inPlace, 1e-5, 1e-6, "rope in place");
        for (var r = 0; r < n; r++)
            for (var j = heads * d; j < stride; j++) twin[r * stride + j] = x[r * stride + j];
        TestData.AssertClose(expected, twin, 1e-6, 1e-7, "rope twin");
        // Position 0 is the identity.
        TestData.AssertClose(x.AsSpan(0, heads * d), inPlace.AsSpan(0, heads * d), 0, 0, "position 0");
    }

    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 64)]
    public void BackwardIsTheTransposeAndMatchesFiniteDifferences(int threads, int d)
    {
        const int b = 2, t = 9, heads = 2;
        int n = b * t, stride = 3 * heads * d / 2;
        var (cos, sin) = Tables(t, d, 10000);
        var x = TestData.Random(n * stride, 21);
        var dy = TestData.Random(n * stride, 22);
        // Only the rotated columns carry a gradient; the kernel leaves the rest of dinp alone.
        for (var r = 0; r < n; r++)
            for (var j = heads * d; j < stride; j++) dy[r * stride + j] = 0;
        var dx = new float[x.Length];
        var twin = new float[x.Length];
        fixed (float* dyp = dy, dxp = dx, tp = twin, cp = cos, sp = sin)
        {
            Rope.Backward(dxp, dyp, cp, sp, n, t, stride, heads, d, threads);
            RopeReference.Backward(tp, dyp, n, t, stride, heads, d, 10000);
        }
        TestData.AssertClose(twin, dx, 1e-5, 1e-6, "rope backward twin");
        var y = new float[x.Length];
        double Loss() { fixed (float* xp = x, yp = y, cp = cos, sp = sin) Rope.Forward(yp, xp, cp, sp, n, t, stride, heads, d, threads); return GradCheck.Dot(y, dy); }
        GradCheck.Check("rope dinp", x, dx, Loss, eps: 1e-2f, rel: 1e-2, abs: 1e-3, maxChecks: 200);
        // A rotation's transpose is its inverse: backward(forward(x)) = x.
        var back = new float[x.Length];
        fixed (float* xp = x, yp = y, bp = back, cp = cos, sp = sin)
        {
            Rope.Forward(yp, xp, cp, sp, n, t, stride, heads, d, threads);
            Rope.Backward(bp, yp, cp, sp, n, t, stride, heads, d, threads);
        }
        for (var r = 0; r < n; r++)
            TestData.AssertClose(x.AsSpan(r * stride, heads * d), back.AsSpan(r * stride, heads * d), 1e-5, 1e-6, "inverse");
    }

    [Fact]
    public void DotProductOfRotatedQueryAndKeyDependsOnlyOnTheirDistance()
    {
        const int t = 64, d = 32;
        var (cos, sin) = Tables(t, d, 10000);
        var q = TestData.Random(d, 31);
        var k = TestData.Random(d, 32);
        // Row p holds q (columns [0, d)) and k (columns [d, 2d)) at position p.
        var rows = new float[t * 2 * d];
        for (var p = 0; p < t; p++) { q.CopyTo(rows, p * 2 * d); k.CopyTo(rows, p * 2 * d + d); }
        fixed (float* rp = rows, cp = cos, sp = sin) Rope.Forward(rp, rp, cp, sp, t, t, 2 * d, 2, d, 2);
        double Score(int qPos, int kPos)
        {
            double s = 0;
            for (var i = 0; i < d; i++) s += (double)rows[qPos * 2 * d + i] * rows[kPos * 2 * d + d + i];
            return s;
        }
        foreach (var distance in new[] { 0, 1, 5, 17 })
        {
            var first = Score(distance, 0);
            foreach (var start in new[] { 3, 20, 40 })
                Assert.Equal(first, Score(start + distance, start), 4);
        }
        // …and it does depend on the distance (otherwise the property holds trivially).
        Assert.NotEqual(Score(1, 0), Score(5, 0), 3);
    }

    [Fact]
    public void TablesRejectAnOddHeadDimensionAndABadBase()
    {
        Assert.Contains("even head dimension", Assert.Throws<ArgumentException>(() => Rope.Tables(new float[5], new float[5], 2, 5, 10000)).Message);
        Assert.Contains("theta", Assert.Throws<ArgumentException>(() => Rope.Tables(new float[4], new float[4], 2, 4, 1)).Message);
    }
}
