using BenchmarkDotNet.Attributes;
using Curation.Mixture.Random;
using Curation.Mixture.Regression;
using Curation.Mixture.Regression.Gbdt;
using Curation.Mixture.Sampling;
using Curation.Mixture.Search;

namespace Curation.Benchmarks.Mixture;

/// <summary>
/// Hot paths of mixture optimisation on a RegMix-sized problem (17 domains, 256 runs): GBDT fitting (ridge as the
/// baseline), the RegMix sampler, and scoring plus search over simulated mixtures. The side-by-side comparison with
/// python3-xgboost is tests/bench/mixture/bench.sh.
/// </summary>
[MemoryDiagnoser]
public class MixtureBenchmarks
{
    private string[] _domains = [];
    private long[] _tokens = [];
    private double[][] _x = [];
    private double[] _y = [];
    private GbdtRegressor _model = new();
    private double[] _flat = [];
    private double[] _out = [];
    private MixtureSpace _space = null!;

    [GlobalSetup]
    public void Setup()
    {
        _domains = Enumerable.Range(0, 17).Select(i => $"d{i}").ToArray();
        var rng = new Xoshiro256(1);
        _tokens = _domains.Select(_ => 1_000_000 + (long)(rng.NextDouble() * 50_000_000)).ToArray();
        _space = MixtureSpace.Create(_domains, _tokens);
        _x = new RegMixSampler().Sample(_space, 256, 42);
        _y = _x.Select(w => 2.5 + Math.Exp(-2 * w[0] - w[1]) + w[2] * w[3] + 0.01 * rng.NextGaussian()).ToArray();
        _model = new GbdtRegressor();
        _model.Fit(_x, _y);
        _flat = new RegMixSampler().Sample(_space, 4096, 7).SelectMany(r => r).ToArray();
        _out = new double[4096];
    }

    [Benchmark(Baseline = true)]
    public void RidgeFit() => new RidgeRegressor().Fit(_x, _y);

    [Benchmark]
    public void GbdtFit() => new GbdtRegressor().Fit(_x, _y);

    [Benchmark]
    public double[][] Sample512() => new RegMixSampler().Sample(_space, 512, 3);

    [Benchmark]
    public void GbdtScore4096() => ((IMixtureRegressor)_model).PredictMany(_flat, 17, _out);

    [Benchmark]
    public SimplexSearchResult Search100k() => SimplexSearch.Run(_model, _space, 100_000, 100, 5);
}
