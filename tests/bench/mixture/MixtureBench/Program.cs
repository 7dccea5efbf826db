using System.Diagnostics;
using System.Globalization;
using Curation.Mixture.IO;
using Curation.Mixture.Regression;
using Curation.Mixture.Regression.Gbdt;
using Curation.Mixture.Sampling;
using Curation.Mixture.Search;

// Usage: MixtureBench TABLE.csv TARGET [SEARCH_SAMPLES=1000000]
// Prints one JSON line with best-of-5 timings of Curation's GBDT fit (same protocol as xgb_fit_bench.py),
// 5-fold CV, the RegMix sampler (512 mixtures) and a simplex search.
var table = MixtureCsv.Read(args[0], [args[1]]);
var y = table.Target(args[1]);
var searchSamples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;

double Best(int reps, Action action)
{
    var best = double.MaxValue;
    for (var i = 0; i < reps; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    return best;
}

var model = new GbdtRegressor();
model.Fit(table.Weights, y); // warm-up (JIT)
var fit = Best(5, () => model.Fit(table.Weights, y));
var trees = model.TreeCount;
var cv = CrossValidation.KFold(new GbdtRegressor(), table.Weights, y);
var cvSeconds = Best(3, () => CrossValidation.KFold(new GbdtRegressor(), table.Weights, y));
var tokens = table.Domains.Select((_, i) => (long)Math.Round(1e6 * table.Weights.Average(w => w[i]))).ToArray();
var sampler = new RegMixSampler();
sampler.Sample(table.Domains, tokens, 16, 1);
var sample = Best(3, () => sampler.Sample(table.Domains, tokens, 512, 42));
var space = MixtureSpace.Create(table.Domains, tokens);
var probe = sampler.Sample(table.Domains, tokens, 1000, 3).SelectMany(r => r).ToArray();
var flat = new double[searchSamples * table.Domains.Count];
for (var i = 0; i < flat.Length; i++) flat[i] = probe[i % probe.Length];
var predictions = new double[searchSamples];
var predict = Best(1, () => ((IMixtureRegressor)model).PredictMany(flat, table.Domains.Count, predictions));
SimplexSearchResult? result = null;
var search = Best(1, () => result = SimplexSearch.Run(model, space, searchSamples, 100, 7));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{{\"fit_seconds\": {fit:F4}, \"trees\": {trees}, \"cv_seconds\": {cvSeconds:F4}, \"cv_spearman\": {cv.Spearman:F4}, \"cv_mse\": {cv.MeanSquaredError:F6}, " +
    $"\"sample512_seconds\": {sample:F4}, \"search_samples\": {searchSamples}, \"search_seconds\": {search:F3}, \"predict_seconds\": {predict:F3}, \"search_predicted\": {result!.PredictedTarget:F4}, \"threads\": {Environment.ProcessorCount}}}"));
