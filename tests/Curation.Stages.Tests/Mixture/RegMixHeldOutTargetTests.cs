using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Mixture;
using Curation.Testing;
using Xunit;

namespace Curation.Stages.Tests.Mixture;

/// <summary>One held-out-target search with two validation seeds, run once and shared by the tests that read it.</summary>
public sealed class HeldOutRunFixture : IAsyncLifetime
{
    public TempDir Tmp { get; } = new();
    public RunResult Result { get; private set; } = null!;
    public RunDirectory Dir { get; private set; } = null!;
    public RunPlan Plan { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RegMixRuns.WriteDomains(Tmp.File("data"));
        (Result, Dir, Plan) = await RegMixRuns.Run(RegMixHeldOutTargetTests.HeldOutConfig(Tmp.File("data"), Tmp.File("run")));
    }

    public Task DisposeAsync()
    {
        Tmp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Held-out target domains (measured, never mixed) and validation over several seeds.</summary>
public sealed class RegMixHeldOutTargetTests(HeldOutRunFixture run) : IClassFixture<HeldOutRunFixture>
{
    internal static string HeldOutConfig(string data, string output, string target = "held_out") =>
        RegMixRuns.Config(data, output, 2, $", target: {target}")
            .Replace("validation: [" + data + "/val/*.jsonl.gz]", "validation: [" + data + "/val/*.jsonl.gz]\n        held_out: [mixed]", StringComparison.Ordinal)
            .Replace("validation_tokens: 2560", "validation_tokens: 2560\n      validation_seeds: [5, 9]", StringComparison.Ordinal);

    [Fact]
    public void A_held_out_domain_is_measured_by_every_run_but_never_mixed_and_can_be_the_target()
    {
        var (result, dir, plan) = (run.Result, run.Dir, run.Plan);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal(3, plan.Plans["mix.tokenize"].Tasks);

        var mixtures = Curation.Mixture.IO.MixtureCsv.Read(Path.Combine(dir.KindDir("mix.sample", RegMixSampleStep.MixturesKind), "00000.mixtures.csv"), []);
        Assert.Equal(["alpha", "digits"], mixtures.Domains);
        var proxies = Enumerable.Range(0, 5).Select(r => JsonFiles.Read<ProxyRunRecord>(Path.Combine(dir.KindDir("mix.proxies", RegMixProxyStep.LossesKind), $"{r:D5}.json"))).ToList();
        Assert.All(proxies, p =>
        {
            Assert.Equal(["alpha", "digits"], p.Weights.Keys);
            Assert.Equal(["alpha", "digits", "mixed"], p.Losses.Keys);
            Assert.Equal(p.Losses["mixed"], p.TargetLoss);
        });
        // Different mixtures of the training domains give different losses on the held-out one: there is something to fit.
        Assert.True(proxies.Select(p => p.Losses["mixed"]).Distinct().Count() > 1);

        var csv = Path.Combine(dir.KindDir("mix.fit", RegMixFitStep.FitKind), "00000.results.csv");
        Assert.Equal("run,alpha,digits,val_loss.alpha,val_loss.digits,val_loss.mixed,val_loss.mean,val_loss.held_out", File.ReadLines(csv).First());
        var results = RegMixRun.Read(dir, plan).Single();
        Assert.Equal("held_out", results.Fit.Target);
        Assert.Equal("ridge per domain, mean", results.Fit.Regressor);
        Assert.Equal(["alpha", "digits"], results.Fit.Weights.Keys);
        Assert.Equal(["alpha", "digits"], results.Fit.Natural.Keys);
        Assert.Equal(1.0, results.Fit.Natural.Values.Sum(), 9);
    }

    [Fact]
    public void Validation_trains_every_mixture_with_every_seed_and_reports_paired_gaps()
    {
        var (result, dir, plan) = (run.Result, run.Dir, run.Plan);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        Assert.Equal(6, plan.Plans["mix.validate"].Tasks);
        var runs = Enumerable.Range(0, 6).Select(r => JsonFiles.Read<ProxyRunRecord>(Path.Combine(dir.KindDir("mix.validate", RegMixValidateStep.ValidationKind), $"{r:D5}.json"))).ToList();
        Assert.Equal(["optimum", "optimum", "natural", "natural", "uniform", "uniform"], runs.Select(r => r.Run));
        Assert.Equal([5UL, 9UL, 5UL, 9UL, 5UL, 9UL], runs.Select(r => r.Seed!.Value));
        // The seed reaches the trainer: the same mixture with two seeds gives two losses.
        Assert.NotEqual(runs[0].TargetLoss, runs[1].TargetLoss);

        var v = RegMixRun.Read(dir, plan).Single().Validation!;
        Assert.Equal([5UL, 9UL], v.Seeds);
        Assert.Equal(["optimum", "natural", "uniform"], v.Mixtures.Select(m => m.Mixture));
        for (var m = 0; m < 3; m++)
        {
            var a = runs[2 * m].TargetLoss!.Value;
            var b = runs[2 * m + 1].TargetLoss!.Value;
            Assert.Equal((a + b) / 2, v.Mixtures[m].Mean!.Value, 12);
            Assert.Equal((a + b) / 2, v.TargetLoss[v.Mixtures[m].Mixture]!.Value, 12);
            Assert.Equal(Math.Abs(a - b) / 2, v.Mixtures[m].StandardError!.Value, 12); // SD/√2 of two values = |a−b|/2
            if (m > 0)
            {
                var gap = ((a - runs[0].TargetLoss!.Value) + (b - runs[1].TargetLoss!.Value)) / 2;
                Assert.Equal(gap, v.Mixtures[m].GapToOptimum!.Value, 12);
            }
        }
        Assert.Contains("mean over 2 seeds", v.Verdict, StringComparison.Ordinal);
        Assert.Contains("±", v.Verdict, StringComparison.Ordinal);
        Assert.Equal(v.Mixtures.OrderBy(m => m.Mean).First().Mixture, v.Lowest);
    }

    [Fact]
    public void Paired_statistics_and_the_verdict_on_known_numbers()
    {
        ProxyRunRecord R(string run, ulong seed, double? loss) => new() { Run = run, Seed = seed, TargetLoss = loss };
        var runs = new[]
        {
            R("optimum", 1, 1.00), R("optimum", 2, 1.04), R("optimum", 3, 1.02),
            R("natural", 1, 1.10), R("natural", 2, 1.15), R("natural", 3, 1.11),
            R("uniform", 1, 1.01), R("uniform", 2, 1.03), R("uniform", 3, null),
        };
        var seeds = RegMixValidationStats.SeedsOf(runs);
        Assert.Equal([1UL, 2UL, 3UL], seeds);
        var s = RegMixValidationStats.Summarise(runs, seeds);
        Assert.Equal(1.02, s[0].Mean!.Value, 12);
        Assert.Equal(Math.Sqrt(0.0004 / 3), s[0].StandardError!.Value, 12); // SD 0.02 over 3 values
        Assert.Equal((0.10 + 0.11 + 0.09) / 3, s[1].GapToOptimum!.Value, 12);
        Assert.Equal(Math.Sqrt(0.0001 / 3), s[1].GapStandardError!.Value, 12); // gaps 0.10, 0.11, 0.09: SD 0.01
        Assert.Null(s[2].Mean); // a diverged seed: no mean to compare
        Assert.Null(s[2].GapToOptimum);

        var verdict = RegMixSummaryStep.Verdict(s, "held_out", 3);
        Assert.StartsWith("The optimum has the lowest val_loss.held_out (mean over 3 seeds): 1.0200 ± 0.0115", verdict, StringComparison.Ordinal);
        Assert.Contains("natural 1.1200 ± 0.0153 (paired gap +0.1000 ± 0.0058, 17.3 SE)", verdict, StringComparison.Ordinal);
        Assert.Contains("uniform diverged", verdict, StringComparison.Ordinal);

        var worse = RegMixSummaryStep.Verdict(RegMixValidationStats.Summarise(runs.Select(r => r.Run == "optimum" ? r with { TargetLoss = r.TargetLoss + 0.2 } : r).ToArray(), seeds), "mean", 3);
        Assert.StartsWith("The optimum is not the lowest (mean over 3 seeds): natural 1.1200", worse, StringComparison.Ordinal);
    }

    [Fact]
    public void Held_out_targets_and_seeds_are_checked_before_any_work()
    {
        using var tmp = new TempDir();
        RegMixRuns.WriteDomains(tmp.File("data"));
        var data = tmp.File("data");
        var noHeldOut = RegMixRuns.Config(data, tmp.File("a"), 1, ", target: held_out");
        var e1 = Assert.Throws<ConfigException>(() => RegMixRuns.Plan(noHeldOut));
        Assert.Contains(e1.Errors, x => x.Path.EndsWith("fit.target", StringComparison.Ordinal) && x.Message.Contains("data.held_out", StringComparison.Ordinal));

        var both = HeldOutConfig(data, tmp.File("b"))
            .Replace("held_out: [mixed]", "domains: [alpha, mixed]\n        held_out: [mixed]", StringComparison.Ordinal)
            .Replace("validation_seeds: [5, 9]", "validation_seeds: [5, 5]", StringComparison.Ordinal);
        var e2 = Assert.Throws<ConfigException>(() => RegMixRuns.Plan(both));
        Assert.Contains(e2.Errors, x => x.Path.EndsWith("data.held_out", StringComparison.Ordinal) && x.Message.Contains("'mixed' is both", StringComparison.Ordinal));
        Assert.Contains(e2.Errors, x => x.Path.EndsWith("validation_seeds", StringComparison.Ordinal));

        var unknown = HeldOutConfig(data, tmp.File("c"), "nowhere").Replace("held_out: [mixed]", "domains: [alpha, digits]\n        held_out: [mixed]", StringComparison.Ordinal);
        var e3 = Assert.Throws<ConfigException>(() => RegMixRuns.Plan(unknown));
        Assert.Contains(e3.Errors, x => x.Path.EndsWith("fit.target", StringComparison.Ordinal) && x.Message.Contains("nowhere", StringComparison.Ordinal));

        var missing = HeldOutConfig(data, tmp.File("d")).Replace("held_out: [mixed]", "held_out: [absent]", StringComparison.Ordinal);
        var e4 = Assert.Throws<ConfigException>(() => RegMixRuns.Plan(missing));
        Assert.Contains(e4.Errors, x => x.Path.EndsWith("held_out", StringComparison.Ordinal) && x.Message.Contains("'absent' has no validation file", StringComparison.Ordinal));
    }
}
