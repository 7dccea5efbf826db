using Curation.Numerics.Kernels;

namespace Curation.Numerics.Tests;

public sealed unsafe class RmsNormTests
{
    /// <summary>Anchors the definition the kernel and its twin share: y = x / sqrt(mean(x^2) + 1e-5) * w.</summary>
    [Fact]
    public void Forward_MatchesHandWorkedValues()
    {
        // x = (3, 4): mean of squares 12.5, so rstd = 1 / sqrt(12.5 + 1e-5) = 0.2828426; w = (1, 0.5).
        float[] x = [3f, 4f], w = [1f, 0.5f], y = new float[2], rstd = new float[1];
        fixed (float* xp = x, wp = w, yp = y, rp = rstd) RmsNorm.Forward(yp, rp, xp, wp, 1, 2, 1);
        Assert.Equal(0.2828426f, rstd[0], 1e-6f);
        Assert.Equal(0.8485278f, y[0], 1e-6f);
        Assert.Equal(0.5656852f, y[1], 1e-6f);
    }

    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(2, 50, 128)]
    [InlineData(2, 17, 33)]
    public void MatchesTwin(int threads, int n, int c)
    {
        var x = TestData.Random(n * c, 21, 3); var w = TestData.Random(c, 22); var dy = TestData.Random(n * c, 24);
        float[] y1 = new float[n * c], y2 = new float[n * c], r1 = new float[n], r2 = new float[n];
        float[] dx1 = TestData.Random(n * c, 25), dw1 = TestData.Random(c, 26);
        float[] dx2 = (float[])dx1.Clone(), dw2 = (float[])dw1.Clone();
        fixed (float* xp = x, wp = w, dyp = dy, y1p = y1, y2p = y2, r1p = r1, r2p = r2, dx1p = dx1, dx2p = dx2, dw1p = dw1, dw2p = dw2)
        {
            RmsNormReference.Forward(y1p, r1p, xp, wp, n, c);
            RmsNorm.Forward(y2p, r2p, xp, wp, n, c, threads);
            RmsNormReference.Backward(dx1p, dw1p, dyp, xp, wp, r1p, n, c);
            RmsNorm.Backward(dx2p, dw2p, dyp, xp, wp, r2p, n, c, threads);
        }
        TestData.AssertClose(y1, y2, 1e-4, 1e-5, "out");
        TestData.AssertClose(dx1, dx2, 1e-4, 1e-4, "dinp");
        TestData.AssertClose(dw1, dw2, 1e-4, 1e-4, "dweight");
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        const int n = 4, c = 6;
        var x = TestData.Random(n * c, 31, 2); var w = TestData.Random(c, 32); var r = TestData.Random(n * c, 34);
        float[] y = new float[n * c], rstd = new float[n];
        double Loss() { fixed (float* yp = y, rp = rstd, xp = x, wp = w) RmsNorm.Forward(yp, rp, xp, wp, n, c, 1); return GradCheck.Dot(y, r); }
        Loss();
        float[] dx = new float[n * c], dw = new float[c];
        fixed (float* dxp = dx, dwp = dw, rp = r, xp = x, wp = w, sp = rstd) RmsNorm.Backward(dxp, dwp, rp, xp, wp, sp, n, c, 1);
        GradCheck.Check("rmsnorm dinp", x, dx, Loss, eps: 1e-3f);
        GradCheck.Check("rmsnorm dweight", w, dw, Loss);
    }
}
