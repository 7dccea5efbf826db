using Curation.Text.Rules;
using Xunit.Abstractions;

namespace Curation.Text.Tests;

/// <summary>Agreement of each rule, and of the chain, with datatrove's own decisions on the fixture set.</summary>
public sealed class DatatroveParityTests(ITestOutputHelper output)
{
    private static string Decision(RuleResult r) => r.Kept ? "keep" : r.Reason!;

    private double Agreement(string name, Func<ParityDocument, string> expected, Func<ParityDocument, string> actual)
    {
        var docs = ParityCorpus.Shared.Documents;
        int agree = 0;
        var misses = new List<string>();
        foreach (var d in docs)
        {
            string e = expected(d), a = actual(d);
            if (e == a) agree++;
            else if (misses.Count < 40) misses.Add($"{d.Id}: datatrove={e} ours={a}");
        }
        double rate = (double)agree / docs.Count;
        output.WriteLine($"{name}: agreement {rate:F4} ({agree}/{docs.Count})");
        foreach (var m in misses) output.WriteLine("  " + m);
        return rate;
    }

    [Fact]
    public void GopherQualityMatchesDatatrove()
    {
        var rule = new GopherQualityRule();
        Assert.True(Agreement("gopher_quality", d => d.GopherQuality, d => Decision(rule.Evaluate(d.Text))) >= 0.99);
    }

    [Fact]
    public void GopherRepetitionMatchesDatatrove()
    {
        var rule = new GopherRepetitionRule();
        Assert.True(Agreement("gopher_repetition", d => d.GopherRepetition, d => Decision(rule.Evaluate(d.Text))) >= 0.99);
    }

    [Fact]
    public void C4QualityMatchesDatatrove()
    {
        var rule = new C4QualityRule();
        Assert.True(Agreement("c4_quality", d => d.C4Quality, d => Decision(rule.Evaluate(d.Text))) >= 0.99);
    }

    [Fact]
    public void FineWebQualityMatchesDatatrove()
    {
        var rule = new FineWebQualityRule();
        Assert.True(Agreement("fineweb_quality", d => d.FineWebQuality, d => Decision(rule.Evaluate(d.Text))) >= 0.99);
    }

    [Fact]
    public void ChainMatchesDatatroveAndKeepsC4Text()
    {
        var chain = new RuleChain(Registry.RuleRegistry.DefaultChain.Select(id => Registry.RuleRegistry.Create(id)).ToList());
        var keptTexts = new Dictionary<string, string>();
        string RunChain(ParityDocument d)
        {
            var r = chain.Run(d.Text, url: "https://example.com/");
            if (!r.Kept) return r.RuleId!;
            keptTexts[d.Id] = r.Text;
            return "keep";
        }
        Assert.True(Agreement("chain (all)", d => d.All, RunChain) >= 0.99);
        var c4 = ParityCorpus.Shared.C4Texts;
        int keptByBoth = 0, sameText = 0;
        foreach (var d in ParityCorpus.Shared.Documents.Where(d => d.All == "keep" && keptTexts.ContainsKey(d.Id)))
        {
            keptByBoth++;
            if (c4.TryGetValue(d.Id, out var expectedText) && expectedText == keptTexts[d.Id]) sameText++;
        }
        output.WriteLine($"kept texts identical to datatrove's C4 output: {sameText}/{keptByBoth}");
        Assert.True(sameText >= keptByBoth * 0.99);
    }
}
