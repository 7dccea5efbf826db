namespace Curation.Mixture.Random;

/// <summary>Gamma and Dirichlet deviates on a <see cref="Xoshiro256"/> stream.</summary>
public static class GammaSampler
{
    /// <summary>
    /// The natural log of a Gamma(<paramref name="shape"/>, 1) deviate. Working in log space matters for mixture
    /// sampling: RegMix's concentrations go down to about 1e-4, where a plain Gamma deviate underflows to zero.
    /// </summary>
    public static double NextLogGamma(Xoshiro256 rng, double shape)
    {
        if (!(shape > 0) || double.IsInfinity(shape))
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Gamma shape must be positive and finite");
        if (shape >= 1) return Math.Log(MarsagliaTsang(rng, shape));
        // Boost: X ~ Gamma(a+1), U^(1/a) X ~ Gamma(a); in log space log X + log(U)/a never underflows.
        return Math.Log(MarsagliaTsang(rng, shape + 1)) + Math.Log(rng.NextOpenDouble()) / shape;
    }

    /// <summary>A Gamma(<paramref name="shape"/>, 1) deviate.</summary>
    public static double NextGamma(Xoshiro256 rng, double shape) => Math.Exp(NextLogGamma(rng, shape));

    /// <summary>
    /// Writes one Dirichlet(<paramref name="alpha"/>) deviate into <paramref name="result"/>. Components with
    /// α = 0 get weight 0 (a degenerate Dirichlet), so a caller can exclude domains without reshaping arrays.
    /// </summary>
    public static void NextDirichlet(Xoshiro256 rng, ReadOnlySpan<double> alpha, Span<double> result)
    {
        if (result.Length != alpha.Length) throw new ArgumentException("result and alpha differ in length", nameof(result));
        var max = double.NegativeInfinity;
        for (var i = 0; i < alpha.Length; i++)
        {
            if (alpha[i] == 0) { result[i] = double.NegativeInfinity; continue; }
            var lg = NextLogGamma(rng, alpha[i]);
            result[i] = lg;
            if (lg > max) max = lg;
        }
        if (double.IsNegativeInfinity(max)) throw new ArgumentException("at least one concentration must be positive", nameof(alpha));
        // Normalising in log space (softmax) keeps the sample valid when every Gamma deviate is tiny.
        var sum = 0.0;
        for (var i = 0; i < result.Length; i++)
        {
            var e = double.IsNegativeInfinity(result[i]) ? 0 : Math.Exp(result[i] - max);
            result[i] = e;
            sum += e;
        }
        for (var i = 0; i < result.Length; i++) result[i] /= sum;
    }

    private static double MarsagliaTsang(Xoshiro256 rng, double shape)
    {
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = rng.NextGaussian();
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v))) return d * v;
        }
    }
}
