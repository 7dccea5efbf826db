using Curation.Mixture.IO;
using Curation.Mixture.Sampling;
using Curation.Testing;

namespace Curation.Mixture.Tests.Sampling;

public class RegMixSamplerTests
{
    // RegMix's own 17-domain Pile prior (synthesize_mixture.py), as token counts.
    internal static readonly string[] PileDomains =
        ["arxiv", "freelaw", "nih_exporter", "pubmed_central", "wikipedia_en", "dm_mathematics", "github", "philpapers",
         "stackexchange", "enron_emails", "gutenberg_pg_19", "pile_cc", "ubuntu_irc", "europarl", "hackernews", "pubmed_abstracts", "uspto_backgrounds"];

    internal static readonly long[] PileTokens =
        [113285273, 79608651, 3913491, 185375901, 51081359, 15962925, 101750772, 3707518, 66529351, 1750772, 27085479,
         236869207, 11843460, 7929969, 8032956, 38825953, 46446962];

    private static double Cap(int i) => Math.Min(1.0, 15.0 * PileTokens[i] / PileTokens.Sum());

    [Fact]
    public void Sample_DefaultOptions_RespectCapsRoundingAndMinimum()
    {
        var rows = new RegMixSampler().Sample(PileDomains, PileTokens, 512, seed: 42);
        Assert.Equal(512, rows.Length);
        foreach (var w in rows)
        {
            // Renormalising after zeroing (< 17 × 2e-4 of mass) and rounding (half a step) can lift a weight just past the raw cap.
            for (var i = 0; i < w.Length; i++) Assert.True(w[i] <= Cap(i) * 1.0035 + 1e-4, $"domain {i}: {w[i]} > cap {Cap(i)}");
            foreach (var v in w)
            {
                var steps = v / 2e-4;
                Assert.True(Math.Abs(steps - Math.Round(steps)) < 1e-6, $"{v} is not a multiple of 2e-4");
                Assert.True(v == 0 || v >= 2e-4 - 1e-12);
            }
            // Each of 17 weights is off by at most half a step after rounding.
            Assert.InRange(w.Sum(), 1 - 17 * 1e-4, 1 + 17 * 1e-4);
        }
    }

    [Fact]
    public void Sample_RareDomainCap_IsEnforcedByRejection()
    {
        // enron_emails has 0.175% of the tokens: its cap is 2.6%, while the tempered prior alone would give it ~1.5% on
        // average and Dirichlet draws at strength 0.1 often put most of the mass on one domain.
        var rows = new RegMixSampler().Sample(PileDomains, PileTokens, 1000, seed: 1);
        var enron = Array.IndexOf(PileDomains, "enron_emails");
        Assert.All(rows, w => Assert.True(w[enron] <= Cap(enron) * 1.0035 + 1e-4));
        Assert.Contains(rows, w => w[enron] > 0.5 * Cap(enron));
    }

    [Fact]
    public void Sample_SameSeed_SameMixtures_DifferentSeed_Different()
    {
        var sampler = new RegMixSampler();
        var a = sampler.Sample(PileDomains, PileTokens, 64, seed: 7);
        var b = sampler.Sample(PileDomains, PileTokens, 64, seed: 7);
        var c = sampler.Sample(PileDomains, PileTokens, 64, seed: 8);
        Assert.Equal(a.Select(r => string.Join(',', r)), b.Select(r => string.Join(',', r)));
        Assert.NotEqual(a.Select(r => string.Join(',', r)), c.Select(r => string.Join(',', r)));
    }

    [Fact]
    public void Sample_ReturnsNoNearDuplicates()
    {
        var rows = new RegMixSampler().Sample(PileDomains, PileTokens, 400, seed: 3);
        for (var i = 0; i < rows.Length; i++)
            for (var j = i + 1; j < rows.Length; j++)
                Assert.True(rows[i].Zip(rows[j], (x, y) => Math.Abs(x - y)).Sum() > 1e-5, $"rows {i} and {j} are duplicates");
    }

    [Fact]
    public void Sample_MatchesDistributionOfRegMixReference()
    {
        // 1,024 mixtures from a faithful numpy re-implementation of synthesize_mixture.py (tests/fixtures/mixture/README.md).
        var reference = MixtureCsv.Read(RepoPaths.Fixture("mixture", "regmix_reference_1024.csv"), []);
        Assert.Equal(PileDomains, reference.Domains);
        var ours = new RegMixSampler().Sample(PileDomains, PileTokens, 1024, seed: 2026);
        var theirs = reference.Weights.ToArray();
        for (var d = 0; d < PileDomains.Length; d++)
        {
            AssertSameMean(ours.Select(w => w[d]), theirs.Select(w => w[d]), $"mean weight of {PileDomains[d]}");
            AssertSameMean(ours.Select(w => w[d] == 0 ? 1.0 : 0.0), theirs.Select(w => w[d] == 0 ? 1.0 : 0.0), $"zero share of {PileDomains[d]}");
        }
        AssertSameMean(ours.Select(w => w.Max()), theirs.Select(w => w.Max()), "largest weight");
        AssertSameMean(ours.Select(w => (double)w.Count(v => v > 0)), theirs.Select(w => (double)w.Count(v => v > 0)), "non-zero domains");
    }

    private static void AssertSameMean(IEnumerable<double> a, IEnumerable<double> b, string what)
    {
        var x = a.ToArray();
        var y = b.ToArray();
        double Mean(double[] v) => v.Average();
        double Var(double[] v) { var m = Mean(v); return v.Sum(t => (t - m) * (t - m)) / (v.Length - 1); }
        var se = Math.Sqrt(Var(x) / x.Length + Var(y) / y.Length);
        // 4.5 standard errors over 17 × 2 + 2 comparisons keeps the false-alarm rate far below 1e-3.
        Assert.True(Math.Abs(Mean(x) - Mean(y)) <= 4.5 * se + 1e-4, $"{what}: ours {Mean(x):F5}, RegMix {Mean(y):F5}, se {se:F5}");
    }

    [Fact]
    public void Strengths_MatchNumpyLogspace()
    {
        double[] numpy = [0.09999999999999999, 0.13223761271250095, 0.17486786215901398, 0.23124108632046694, 0.3057876921606392,
            0.4043663440818807, 0.5347244000266964, 0.7071067811865475, 0.9350611267692982, 1.2365025114423323,
            1.6351214022614595, 2.162245507301724, 2.8593018398391057, 3.7810724932478514, 5.0];
        var ours = new RegMixSamplerOptions().Strengths();
        Assert.Equal(numpy.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++) Assert.Equal(numpy[i], ours[i], 12);
    }

    [Fact]
    public void Deduplicate_FollowsLexsortOrderAndThreshold()
    {
        var rows = new List<double[]>
        {
            new[] { 0.5, 0.5 },
            new[] { 0.5 + 4e-6, 0.5 - 4e-6 }, // L1 8e-6 from the first: a duplicate
            new[] { 0.9, 0.1 },
            new[] { 0.5, 0.5 },
        };
        var kept = RegMixSampler.Deduplicate(rows, 1e-5);
        Assert.Equal(2, kept.Count);
        // numpy.lexsort(arr.T) sorts by the last column first: (0.9, 0.1) comes before (0.5, 0.5).
        Assert.Equal(new[] { 0.9, 0.1 }, kept[0]);
    }

    [Fact]
    public void Sample_TooFewDistinctMixtures_ThrowsClearError()
    {
        var options = new RegMixSamplerOptions { RoundingStep = 0.5, MinimumWeight = 0.5, MaxRounds = 2 };
        var e = Assert.Throws<InvalidOperationException>(() =>
            new RegMixSampler(options).Sample(["a", "b"], [50, 50], 10, seed: 1));
        Assert.Contains("distinct mixtures", e.Message);
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegMixSampler(new RegMixSamplerOptions { Temperature = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegMixSampler(new RegMixSamplerOptions { MinStrength = 5, MaxStrength = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegMixSampler(new RegMixSamplerOptions { SampleMultiplier = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RegMixSampler().Sample(PileDomains, PileTokens, 0, 1));
    }
}
