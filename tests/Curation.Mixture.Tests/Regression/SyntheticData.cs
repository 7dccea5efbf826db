using Curation.Mixture.Random;

namespace Curation.Mixture.Tests.Regression;

/// <summary>Seeded synthetic regression problems.</summary>
internal static class SyntheticData
{
    /// <summary>y = f(x) + noise with x uniform in [0, 1)^d.</summary>
    public static (double[][] X, double[] Y) Make(int rows, int d, Func<double[], double> f, double noise, ulong seed)
    {
        var rng = new Xoshiro256(seed);
        var x = new double[rows][];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = new double[d];
            for (var j = 0; j < d; j++) x[i][j] = rng.NextDouble();
            y[i] = f(x[i]) + noise * rng.NextGaussian();
        }
        return (x, y);
    }

    public static double Friedman1(double[] x) =>
        10 * Math.Sin(Math.PI * x[0] * x[1]) + 20 * (x[2] - 0.5) * (x[2] - 0.5) + 10 * x[3] + 5 * x[4];

    public static double RSquared(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        var mean = actual.Average();
        double ssRes = 0, ssTot = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            ssRes += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
            ssTot += (actual[i] - mean) * (actual[i] - mean);
        }
        return 1 - ssRes / ssTot;
    }
}
