namespace Curation.Mixture.Regression;

/// <summary>Solves a small symmetric positive-definite system given by its lower triangle.</summary>
internal static class Cholesky
{
    public static double[] Solve(double[] lowerRowMajor, double[] rhs, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var s = lowerRowMajor[i * d + j];
                for (var k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
                if (i == j)
                {
                    if (!(s > 0)) throw new InvalidOperationException("normal equations are not positive definite; increase the ridge penalty");
                    l[i * d + i] = Math.Sqrt(s);
                }
                else l[i * d + j] = s / l[j * d + j];
            }
        }
        var z = new double[d];
        for (var i = 0; i < d; i++)
        {
            var s = rhs[i];
            for (var k = 0; k < i; k++) s -= l[i * d + k] * z[k];
            z[i] = s / l[i * d + i];
        }
        var x = new double[d];
        for (var i = d - 1; i >= 0; i--)
        {
            var s = z[i];
            for (var k = i + 1; k < d; k++) s -= l[k * d + i] * x[k];
            x[i] = s / l[i * d + i];
        }
        return x;
    }
}
