using Curation.Mixture.Sampling;

namespace Curation.Mixture.Tests.Sampling;

public class MixtureConstraintsTests
{
    private static readonly string[] Domains = ["web", "code", "books", "wiki", "math"];
    private static readonly long[] Tokens = [6_000, 2_000, 1_000, 800, 200];

    [Fact]
    public void Space_DefaultCap_IsRegMixPriorTimes15()
    {
        var space = MixtureSpace.Create(Domains, Tokens);
        Assert.Equal(1.0, space.Upper[0]);
        Assert.Equal(Math.Min(1, 15 * 200 / 10_000.0), space.Upper[4], 12);
        Assert.Equal(0.6, space.Prior[0], 12);
    }

    [Fact]
    public void Space_TokenBudget_CapsByEpochs()
    {
        // Training on 20k tokens with at most 2 epochs: math (200 tokens) can be at most 400 / 20k = 2%.
        var c = new MixtureConstraints { TokenBudget = 20_000, MaxEpochs = 2, MaxEpochsByDomain = new Dictionary<string, double> { ["books"] = 3 } };
        var space = MixtureSpace.Create(Domains, Tokens, c);
        Assert.Equal(0.02, space.Upper[4], 12);
        Assert.Equal(0.6, space.Upper[0], 12);
        Assert.Equal(0.2, space.Upper[1], 12);
        Assert.Equal(0.15, space.Upper[2], 12);
    }

    [Fact]
    public void Sample_WithMinMaxFixedAndBudget_EveryMixtureIsFeasible()
    {
        var c = new MixtureConstraints
        {
            MinWeights = new Dictionary<string, double> { ["code"] = 0.1 },
            MaxWeights = new Dictionary<string, double> { ["web"] = 0.5 },
            FixedWeights = new Dictionary<string, double> { ["math"] = 0.02 },
            TokenBudget = 20_000,
            MaxEpochs = 4,
        };
        var space = MixtureSpace.Create(Domains, Tokens, c);
        var rows = new RegMixSampler().Sample(space, 200, seed: 5);
        foreach (var w in rows)
        {
            Assert.Equal(0.02, w[4]);
            Assert.True(w[1] >= 0.1 - 1e-4, $"code {w[1]}");
            Assert.True(w[0] <= 0.5 * 1.0035 + 1e-4, $"web {w[0]}");
            Assert.True(w[3] <= 4 * 800 / 20_000.0 * 1.0035 + 1e-4, $"wiki {w[3]}");
            Assert.InRange(w.Sum(), 1 - 5e-4, 1 + 5e-4);
        }
        // The constraints are not trivially met: some mixtures press against each bound.
        Assert.Contains(rows, w => w[0] > 0.4);
        Assert.Contains(rows, w => w[1] < 0.2);
    }

    [Fact]
    public void Space_Infeasible_ThrowsNamingTheProblem()
    {
        var tooMuch = new MixtureConstraints { MinWeights = new Dictionary<string, double> { ["web"] = 0.7, ["code"] = 0.4 } };
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => MixtureSpace.Create(Domains, Tokens, tooMuch)).Message);
        var tooLittle = new MixtureConstraints { TokenBudget = 1_000_000, MaxEpochs = 1 };
        Assert.Contains("cannot be met", Assert.Throws<ArgumentException>(() => MixtureSpace.Create(Domains, Tokens, tooLittle)).Message);
        var minAboveCap = new MixtureConstraints { MinWeights = new Dictionary<string, double> { ["math"] = 0.5 } };
        Assert.Contains("'math'", Assert.Throws<ArgumentException>(() => MixtureSpace.Create(Domains, Tokens, minAboveCap)).Message);
        var unknown = new MixtureConstraints { FixedWeights = new Dictionary<string, double> { ["poetry"] = 0.1 } };
        Assert.Contains("poetry", Assert.Throws<ArgumentException>(() => MixtureSpace.Create(Domains, Tokens, unknown)).Message);
        Assert.Throws<ArgumentException>(() => MixtureSpace.Create(["a", "a"], [1, 1]));
        Assert.Throws<ArgumentException>(() => MixtureSpace.Create(["a", "b"], [0, 0]));
    }

    [Fact]
    public void Contains_ChecksBoundsAndSum()
    {
        var space = MixtureSpace.Create(Domains, Tokens);
        Assert.True(space.Contains([0.6, 0.2, 0.1, 0.08, 0.02]));
        Assert.False(space.Contains([0.6, 0.2, 0.1, 0.08, 0.03]));
        Assert.False(space.Contains([0.0, 0.0, 0.0, 0.0, 1.0]));
    }
}
