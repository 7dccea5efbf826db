namespace Curation.Numerics.Tests;

/// <summary>Central finite differences of a scalar loss against an analytic gradient.</summary>
internal static class GradCheck
{
    /// <summary>Perturbs up to <paramref name="maxChecks"/> evenly spread elements of <paramref name="x"/> (restoring them).</summary>
    public static void Check(string what, float[] x, float[] analytic, Func<double> loss, float eps = 1e-2f, double rel = 3e-2, double abs = 2e-3, int maxChecks = 64)
    {
        var stride = Math.Max(1, x.Length / maxChecks);
        var worst = 0.0;
        for (var i = 0; i < x.Length; i += stride)
        {
            var saved = x[i];
            x[i] = saved + eps;
            var up = loss();
            x[i] = saved - eps;
            var down = loss();
            x[i] = saved;
            var numeric = (up - down) / (2 * eps);
            var err = Math.Abs(numeric - analytic[i]);
            worst = Math.Max(worst, err);
            if (err > abs + rel * Math.Abs(numeric))
                Assert.Fail($"{what}: d/dx[{i}] numeric {numeric:G6} vs analytic {analytic[i]:G6}");
        }
        Assert.True(worst < 1, $"{what}: worst error {worst}");
    }

    public static double Dot(float[] a, float[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += (double)a[i] * b[i];
        return s;
    }
}
