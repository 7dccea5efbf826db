using Curation.Mixture.IO;
using Curation.Mixture.Sampling;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Mixture;
using Curation.Testing;
using Xunit;

namespace Curation.Stages.Tests.Mixture;

public sealed class RegMixStepTests
{
    [Fact]
    public async Task Whole_search_is_byte_identical_with_one_and_two_workers()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var (r1, d1, p1) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("w1"), 1));
        var (r2, d2, p2) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("w2"), 2));
        Assert.True(r1.Succeeded, string.Join("\n", r1.Failures));
        Assert.True(r2.Succeeded, string.Join("\n", r2.Failures));
        Assert.Equal(["mix.tokenize", "mix.sample", "mix.proxies", "mix.fit", "mix.validate", "mix.summary"], p1.Steps.Select(s => s.Id));
        Assert.Equal(3, p1.Plans["mix.tokenize"].Tasks);
        Assert.Equal(5, p1.Plans["mix.proxies"].Tasks);
        Assert.Equal(3, p1.Plans["mix.validate"].Tasks);
        var o1 = RegMixRuns.Outputs(d1, p1);
        var o2 = RegMixRuns.Outputs(d2, p2);
        Assert.Equal(o1.Keys, o2.Keys);
        foreach (var k in o1.Keys) Assert.True(o1[k].AsSpan().SequenceEqual(o2[k]), $"{k} differs between 1 and 2 workers");

        var results = RegMixRun.Read(d1, p1).Single();
        Assert.Equal(["alpha", "digits", "mixed"], results.Fit.Weights.Keys);
        Assert.Equal(1.0, results.Fit.Weights.Values.Sum(), 6);
        Assert.Equal(5, results.Fit.Runs);
        Assert.NotNull(results.Validation);
        Assert.Equal(["optimum", "natural", "uniform"], results.Validation!.TargetLoss.Keys);
        Assert.Contains(results.Validation.Lowest, results.Validation.TargetLoss.Keys);
        Assert.True(results.Validation.ParameterRatio > 2, $"validation proxy is larger: {results.Validation.ParameterRatio}");
        // Packing reads weights.yaml as domain: weight.
        Assert.Equal(results.Fit.Weights.ToList(), MixtureYaml.Read(results.WeightsPath).ToList());
        Assert.True(File.Exists(Path.Combine(d1.Root, "report", "mix.fit", "predicted-vs-actual.json")));
        Assert.True(File.Exists(Path.Combine(d1.Root, "report", "mix.summary", "validation.json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(d1.Root, "checkpoints", "mix.proxies")));
    }

    [Fact]
    public async Task Sampled_mixtures_depend_only_on_the_seed_and_match_the_library_sampler()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var yaml = RegMixRuns.Config(tmp.File("data"), tmp.File("a"), 1, validate: false);
        var plan = RegMixRuns.Plan(yaml);
        var dir = new RunDirectory(tmp.File("a"));
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(1).RunAsync(plan, dir, session, CancellationToken.None, new HashSet<string> { "mix.tokenize", "mix.sample" });
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var csv = Path.Combine(dir.KindDir("mix.sample", RegMixSampleStep.MixturesKind), "00000.mixtures.csv");
        var table = MixtureCsv.Read(csv, []);

        var domains = Enumerable.Range(0, 3).Select(r => JsonFiles.Read<DomainTokens>(Path.Combine(dir.KindDir("mix.tokenize", RegMixTokenizeStep.DomainKind), $"{r:D5}.json"))).ToList();
        var space = MixtureSpace.Create(domains.Select(d => d.Domain).ToList(), domains.Select(d => d.TrainTokens).ToList());
        var expected = new RegMixSampler().Sample(space, 5, 3);
        Assert.Equal(5, table.Count);
        for (var i = 0; i < 5; i++) Assert.Equal(expected[i], table.Weights[i]);
        Assert.All(table.Weights, w => Assert.Equal(1.0, w.Sum(), 9));
        Assert.Equal(24 * 200, domains[0].TrainTokens); // 200 ASCII bytes per document; the bytes tokenizer adds no end token
        Assert.NotEqual(expected[0], new RegMixSampler().Sample(space, 5, 4)[0]);
    }

    [Fact]
    public async Task Resume_keeps_completed_proxy_runs()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var yaml = RegMixRuns.Config(tmp.File("data"), tmp.File("run"), 2, validate: false);
        var (first, dir, plan) = await RegMixRuns.Run(yaml);
        Assert.True(first.Succeeded, string.Join("\n", first.Failures));
        var before = RegMixRuns.Outputs(dir, plan);
        // Lose proxy run 3 and the fit, as if the machine died before they committed.
        foreach (var (step, rank) in new[] { ("mix.proxies", 3), ("mix.fit", 0) }) File.Delete(dir.Completion(step, rank));

        var (second, _, _) = await RegMixRuns.Run(yaml);
        Assert.True(second.Succeeded, string.Join("\n", second.Failures));
        Assert.Equal(2, second.TasksRun);
        for (var r = 0; r < 5; r++) Assert.Equal(r == 3 ? 2 : 1, dir.ReadAttempts("mix.proxies", r));
        var after = RegMixRuns.Outputs(dir, plan);
        foreach (var k in before.Keys) Assert.True(before[k].AsSpan().SequenceEqual(after[k]), $"{k} changed on resume");
    }

    [Fact]
    public async Task The_mean_target_is_fitted_per_domain_unless_decompose_is_off()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var (on, dOn, pOn) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("on"), 2, validate: false));
        var (off, dOff, pOff) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("off"), 2, ", decompose: false", validate: false));
        Assert.True(on.Succeeded, string.Join("\n", on.Failures));
        Assert.True(off.Succeeded, string.Join("\n", off.Failures));
        var fitOn = RegMixRun.Read(dOn, pOn).Single().Fit;
        var fitOff = RegMixRun.Read(dOff, pOff).Single().Fit;
        Assert.Equal("ridge per domain, mean", fitOn.Regressor);
        Assert.Equal("ridge", fitOff.Regressor);

        // Both are what the library computes on the exported table: per-domain ridges averaged, or one ridge.
        var csv = Path.Combine(dOn.KindDir("mix.fit", RegMixFitStep.FitKind), "00000.results.csv");
        var components = new[] { "val_loss.alpha", "val_loss.digits", "val_loss.mixed" };
        var table = Curation.Mixture.IO.MixtureCsv.Read(csv, [.. components, "val_loss.mean"]);
        var perDomain = Curation.Mixture.Regression.CrossValidation.KFoldComponentMean(new Curation.Mixture.Regression.RidgeRegressor(), table.Weights,
            components.Select(c => (IReadOnlyList<double>)table.Target(c)).ToList(), 2);
        var direct = Curation.Mixture.Regression.CrossValidation.KFold(new Curation.Mixture.Regression.RidgeRegressor(), table.Weights, table.Target("val_loss.mean"), 2);
        Assert.Equal(perDomain.MeanSquaredError, fitOn.HeldOutMse, 12);
        Assert.Equal(direct.MeanSquaredError, fitOff.HeldOutMse, 12);
        Assert.NotEqual(fitOn.HeldOutMse, fitOff.HeldOutMse);
    }

    [Fact]
    public async Task Imported_runs_from_another_trainer_join_the_fit()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var (first, d1, p1) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("a"), 2, validate: false));
        Assert.True(first.Succeeded, string.Join("\n", first.Failures));
        var exported = Path.Combine(d1.KindDir("mix.fit", RegMixFitStep.FitKind), "00000.results.csv");
        var header = File.ReadLines(exported).First();
        Assert.Equal("run,alpha,digits,mixed,val_loss.alpha,val_loss.digits,val_loss.mixed,val_loss.mean", header);

        var (second, d2, p2) = await RegMixRuns.Run(RegMixRuns.Config(tmp.File("data"), tmp.File("b"), 2, $", import_csv: {exported}", validate: false));
        Assert.True(second.Succeeded, string.Join("\n", second.Failures));
        var fit = RegMixRun.Read(d2, p2).Single().Fit;
        Assert.Equal(10, fit.Runs);
        Assert.Equal(5, fit.ImportedRuns);
        Assert.NotEqual(RegMixRun.Read(d1, p1).Single().Fit.HeldOutMse, fit.HeldOutMse);
    }

    [Fact]
    public void A_missing_proxy_and_an_unknown_regressor_are_config_errors()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var yaml = RegMixRuns.Config(tmp.File("data"), tmp.File("x"), 1, validate: false)
            .Replace("regressor: ridge", "regressor: forest", StringComparison.Ordinal)
            .Replace("vocab_size: 256, context_length: 16, layers: 1, heads: 2, width: 16", "vocab_size: 256, context_length: 16, layers: 1, heads: 3, width: 16", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => RegMixRuns.Plan(yaml));
        Assert.Contains(e.Errors, x => x.Path.EndsWith("fit.regressor", StringComparison.Ordinal) && x.Message.Contains("forest", StringComparison.Ordinal));
        Assert.Contains(e.Errors, x => x.Path.EndsWith("options.proxy", StringComparison.Ordinal) && x.Message.Contains("heads", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tokenizer_larger_than_the_proxy_vocabulary_fails_with_a_clear_message()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var yaml = RegMixRuns.Config(tmp.File("data"), tmp.File("v"), 1, validate: false)
            .Replace("validation: [", "tokenizer: gpt2\n        validation: [", StringComparison.Ordinal);
        var (result, _, _) = await RegMixRuns.Run(yaml);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Failures, f => f.Step == "mix.proxies" && f.Error.Contains("vocab_size", StringComparison.Ordinal));
    }
}
