using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Rephrase;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>Bad rephrase configs fail before any work, and the CLI's selection expressions parse as documented.</summary>
public class RephraseConfigTests
{
    private static ConfigException PlanFails(string stageYaml)
    {
        using var t = new TempDir();
        RephraseRuns.WriteShards(t.File("in"), 1, 1);
        var yaml = $$"""
            run: {output: '{{t.File("run")}}'}
            steps:
              - id: rw
                input: {paths: ['{{t.File("in")}}/*.jsonl']}
                stages:
            {{stageYaml}}
            """;
        var (kinds, context) = BuiltinRegistry.Create();
        return Assert.Throws<ConfigException>(() => new RunPlanner(kinds, context).Plan(ConfigLoader.Parse(yaml, "t.yaml")));
    }

    [Fact]
    public void MissingEndpointAndBadOptions_AreAllReported()
    {
        var e = PlanFails("      - {type: rephrase, concurrency: 0, select: {key: q, min: 2, max: 1}}");
        var message = e.Message;
        Assert.Contains("endpoint.base_url", message, StringComparison.Ordinal);
        Assert.Contains("endpoint.model", message, StringComparison.Ordinal);
        Assert.Contains("concurrency", message, StringComparison.Ordinal);
        Assert.Contains("min 2 is above max 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTemplateAndUnknownKey_AreConfigErrors()
    {
        var unknownTemplate = PlanFails("      - {type: rephrase, endpoint: {base_url: 'http://127.0.0.1:1/v1', model: m}, template: no-such-template}");
        Assert.Contains("no-such-template", unknownTemplate.Message, StringComparison.Ordinal);
        var unknownKey = PlanFails("      - {type: rephrase, endpoint: {base_url: 'http://127.0.0.1:1/v1', model: m, api_key: sk-oops}}");
        Assert.Contains("unknown key 'api_key'", unknownKey.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality_score>=0.5", 0.5, null, null, null)]
    [InlineData("quality_score >= 0.2, quality_score <= 0.8", 0.2, 0.8, null, null)]
    [InlineData("quality_score>=p90", null, null, 90.0, null)]
    [InlineData("q<=p50,q>=p10", null, null, 10.0, 50.0)]
    public void SelectExpressions_Parse(string expression, double? min, double? max, double? pmin, double? pmax)
    {
        var s = RephraseShortcut.ParseSelect(expression);
        Assert.Equal((min, max, pmin, pmax), (s.Min, s.Max, s.PercentileMin, s.PercentileMax));
    }

    [Theory]
    [InlineData("quality_score>0.5", "no >= or <=")]
    [InlineData("a>=0.1,b<=0.2", "same key")]
    [InlineData("q>=p120", "outside p0..p100")]
    [InlineData("q>=abc", "not a number")]
    [InlineData("q>=0.1,q<=p50", "not both")]
    public void MalformedSelectExpressions_SayWhy(string expression, string why)
    {
        var e = Assert.Throws<ArgumentException>(() => RephraseShortcut.ParseSelect(expression));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortcutOutput_MustBeAJsonlFile() =>
        Assert.Throws<ArgumentException>(() => RephraseShortcut.Yaml(new RephraseRequest { Inputs = ["x"], Output = "out/", Endpoint = "http://127.0.0.1:1/v1", Model = "m" }));
}
