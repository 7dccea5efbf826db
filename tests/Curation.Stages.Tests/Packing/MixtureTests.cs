using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>Done-when 2: realised mixture within 0.5% of the requested weights; epoch caps never exceeded.</summary>
public class MixtureTests
{
    private static List<TokenRecordRef> Docs(string domain, int n, int maxTokens, int seed)
    {
        var rng = new SplitMixRandom((ulong)seed);
        return Enumerable.Range(0, n).Select(i => new TokenRecordRef(0, 0, 1 + rng.Next(maxTokens), DataSplit.Train, domain, $"{domain}/{i}", StableHash.Of($"{domain}/{i}"), 100)).ToList();
    }

    [Fact]
    public void WeightsAndBudget_AreMetExactly_WithUpsamplingWithinCaps()
    {
        var docs = Docs("web", 2000, 900, 1).Concat(Docs("code", 500, 2000, 2)).Concat(Docs("books", 20, 30000, 3)).ToList();
        var weights = new Dictionary<string, double> { ["web"] = 0.5, ["code"] = 0.3, ["books"] = 0.2 };
        var caps = new Dictionary<string, double> { ["books"] = 4 };
        var plan = new MixtureSelector(weights, 1, caps, budget: 1_000_000, seed: 9).Select(docs);
        foreach (var d in plan.Domains)
        {
            Assert.InRange(Math.Abs(d.Realised - d.Requested), 0, 0.005 * d.Requested);
            Assert.True(d.EpochsUsed <= d.EpochCap + 1e-12, $"{d.Domain}: {d.EpochsUsed} epochs over a cap of {d.EpochCap}");
            Assert.False(d.Capped);
        }
        Assert.Equal(1_000_000, plan.Selection.Sum(s => (long)s.Tokens));
        // A document is selected at most ceil(cap) times.
        Assert.All(plan.Selection.GroupBy(s => s.Record.Id), g => Assert.True(g.Count() <= 4));
        Assert.All(plan.Selection, s => Assert.InRange(s.Tokens, 0, s.Record.Count));
    }

    [Fact]
    public void ABudgetBeyondTheCaps_IsCappedAndReported_NeverExceeded()
    {
        var docs = Docs("web", 200, 500, 4).Concat(Docs("rare", 10, 500, 5)).ToList();
        var weights = new Dictionary<string, double> { ["web"] = 0.5, ["rare"] = 0.5 };
        var plan = new MixtureSelector(weights, 1, new Dictionary<string, double> { ["rare"] = 2 }, budget: 60_000, seed: 1).Select(docs);
        var rare = plan.Domains.Single(d => d.Domain == "rare");
        Assert.True(rare.Capped);
        Assert.Equal(2 * rare.AvailableTokens, rare.SelectedTokens);
        Assert.All(plan.Domains, d => Assert.True(d.SelectedTokens <= d.EpochCap * d.AvailableTokens));
    }

    [Fact]
    public void Selection_IsDeterministicBySeed()
    {
        var docs = Docs("a", 500, 300, 7).Concat(Docs("b", 500, 300, 8)).ToList();
        var w = new Dictionary<string, double> { ["a"] = 0.7, ["b"] = 0.3 };
        string Run(ulong seed) => string.Join(';', new MixtureSelector(w, 1, new Dictionary<string, double>(), 50_000, seed).Select(docs).Selection.Select(s => s.Record.Id + ":" + s.Tokens));
        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void UnknownDomainsInWeights_AreAnError() =>
        Assert.Contains("nope", Assert.Throws<InvalidOperationException>(() =>
            new MixtureSelector(new Dictionary<string, double> { ["nope"] = 1 }, 1, new Dictionary<string, double>(), null, 1).Select(Docs("a", 3, 5, 1))).Message);

    [Fact]
    public async Task SampleCorpus_RealisedMixtureWithinHalfAPercent_AndCapsHold()
    {
        using var t = new TempDir();
        var weights = t.File("weights.json");
        File.WriteAllText(weights, """{"weights": {"books-literature": 0.35, "reference-dictionary": 0.25, "email-ham": 0.2, "brown-news": 0.1, "speeches-sotu": 0.1}}""");
        var dir = await PackRuns.Run(PackRuns.Config(RepoPaths.Sample("data", "train", "*.jsonl.gz"), t.File("run"), $"""
            tokenizer: cl100k_base
            format: npy
            seq_len: 1024
            packing: bfd
            weights_file: {weights}
            default_epochs: 1
            epochs: {"{"}brown-news: 4, speeches-sotu: 3{"}"}
            validation_fraction: 0.02
            """, workers: 2));
        var m = PackRuns.Manifest(dir);
        Assert.InRange(m.Mixture.SelectedTokens, m.Mixture.BudgetTokens - 5, m.Mixture.BudgetTokens + 5);
        Assert.True(m.Mixture.BudgetTokens > 100_000);
        foreach (var d in m.Mixture.Domains.Where(d => d.Requested > 0))
        {
            Assert.InRange(Math.Abs(d.Realised - d.Requested), 0, 0.005 * d.Requested);
            Assert.True(d.SelectedTokens <= d.EpochCap * d.AvailableTokens);
            Assert.False(d.Capped);
        }
        Assert.All(m.Mixture.Domains.Where(d => d.Requested == 0), d => Assert.Equal(0, d.SelectedTokens));
        // Packing kept every selected token (bfd drops nothing): the shards hold the mixture as selected.
        Assert.Equal(m.Mixture.SelectedTokens, m.Splits["train"].Domains.Values.Sum(d => d.Tokens));
        Assert.Equal(m.Splits["train"].Records * 1025, m.Splits["train"].Tokens);
        Assert.True(File.Exists(Path.Combine(dir.Root, "report", "pack.write", "mixture.json")));
    }
}
