using Curation.Mixture.Random;

namespace Curation.Mixture.Sampling;

/// <summary>
/// Draws raw candidate mixtures in a <see cref="MixtureSpace"/>: a Dirichlet around the tempered prior at a
/// randomly chosen strength, shifted onto the minimum weights and scaled to the mass left by fixed weights,
/// then rejected when a domain exceeds its cap. With no constraints this is exactly RegMix's proposal.
/// </summary>
internal sealed class DirichletProposal
{
    private readonly MixtureSpace _space;
    private readonly double[] _strengths;
    private readonly double[] _temperedPrior;
    private readonly double _slack;

    public DirichletProposal(MixtureSpace space, RegMixSamplerOptions options)
    {
        _space = space;
        _strengths = options.Strengths();
        var n = space.Count;
        _temperedPrior = new double[n];
        var sum = 0.0;
        var fixedMass = 0.0;
        var freeLower = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (space.IsFixed[i]) { fixedMass += space.FixedWeights[i]; continue; }
            freeLower += space.Lower[i];
            _temperedPrior[i] = Math.Pow(space.Prior[i], options.Temperature);
            sum += _temperedPrior[i];
        }
        if (sum <= 0)
            throw new ArgumentException("every free domain has a zero prior: there is nothing to sample (fix fewer weights or give those domains tokens)");
        for (var i = 0; i < n; i++) _temperedPrior[i] /= sum;
        FreeMass = 1 - fixedMass;
        _slack = Math.Max(0, FreeMass - freeLower);
    }

    /// <summary>The weight left for the domains that are not fixed.</summary>
    public double FreeMass { get; }

    /// <summary>
    /// Writes one candidate into <paramref name="weights"/> (scratch holds the Dirichlet draw) and reports whether
    /// it respects every cap; the random stream advances the same way either way.
    /// </summary>
    public bool TryDraw(Xoshiro256 rng, Span<double> weights, Span<double> scratch)
    {
        // RegMix draws one Dirichlet per strength and keeps one at random; drawing only the kept one has the same
        // distribution at a fifteenth of the cost.
        var strength = _strengths.Length == 1 ? _strengths[0] : _strengths[rng.NextInt(_strengths.Length)];
        for (var i = 0; i < scratch.Length; i++) scratch[i] = _temperedPrior[i] * strength;
        GammaSampler.NextDirichlet(rng, scratch, scratch);
        var ok = true;
        for (var i = 0; i < weights.Length; i++)
        {
            if (_space.IsFixed[i]) { weights[i] = _space.FixedWeights[i]; continue; }
            var w = _space.Lower[i] + _slack * scratch[i];
            weights[i] = w;
            // RegMix rejects only when a weight is strictly above its bound.
            if (w > _space.Upper[i]) ok = false;
        }
        return ok;
    }
}
