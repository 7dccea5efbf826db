using Curation.Numerics.Kernels;

namespace Curation.Numerics.Tests;

public sealed unsafe class SwiGluTests
{
    /// <summary>Anchors the definition the kernel and its twin share: out = silu(gate) * up, gate first in each row.</summary>
    [Fact]
    public void Forward_MatchesHandWorkedValues()
    {
        // One row, m = 2: gates (1, -0.5), ups (2, 3). silu(1) * 2 = 1.4621172; silu(-0.5) * 3 = -0.5663110.
        float[] x = [1f, -0.5f, 2f, 3f], y = new float[2];
        fixed (float* xp = x, yp = y) SwiGlu.Forward(yp, xp, 1, 2, 1);
        Assert.Equal(1.4621172f, y[0], 1e-6f);
        Assert.Equal(-0.5663110f, y[1], 1e-6f);
    }

    [Theory]
    [InlineData(1, 3, 5)]
    [InlineData(2, 40, 96)]
    public void MatchesTwinAndFiniteDifferences(int threads, int n, int m)
    {
        var x = TestData.Random(n * 2 * m, 101, 4); var dy = TestData.Random(n * m, 102);
        float[] y1 = new float[n * m], y2 = new float[n * m], d1 = TestData.Random(n * 2 * m, 103);
        var d2 = (float[])d1.Clone();
        fixed (float* xp = x, dyp = dy, y1p = y1, y2p = y2, d1p = d1, d2p = d2)
        {
            SwiGluReference.Forward(y1p, xp, n, m);
            SwiGlu.Forward(y2p, xp, n, m, threads);
            SwiGluReference.Backward(d1p, xp, dyp, n, m);
            SwiGlu.Backward(d2p, xp, dyp, n, m, threads);
        }
        TestData.AssertClose(y1, y2, 1e-5, 1e-6, "out");
        TestData.AssertClose(d1, d2, 1e-4, 1e-5, "dinp");
        var y = new float[n * m];
        var g = new float[n * 2 * m];
        fixed (float* gp = g, xp = x, dyp = dy) SwiGlu.Backward(gp, xp, dyp, n, m, threads);
        double Loss() { fixed (float* yp = y, xp = x) SwiGlu.Forward(yp, xp, n, m, threads); return GradCheck.Dot(y, dy); }
        GradCheck.Check("swiglu dinp", x, g, Loss, eps: 1e-3f);
    }
}
