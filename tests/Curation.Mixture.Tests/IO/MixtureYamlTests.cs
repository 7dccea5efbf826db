using Curation.Mixture.IO;
using Curation.Testing;

namespace Curation.Mixture.Tests.IO;

public class MixtureYamlTests
{
    [Fact]
    public void WriteThenRead_RoundTripsNamesAndWeights()
    {
        using var dir = new TempDir("mixyaml");
        string[] domains = ["web", "code: python", "'quoted'", "true", "1.5", "docs-technical", "# hash"];
        double[] weights = [0.1, 0.2, 1.0 / 3, 0.05, 0.0002, 0.3166666666666667 - 0.2, 0];
        MixtureYaml.Write(dir.File("m.yaml"), domains, weights, ["chosen by RegMix search", "seed 42"]);
        var text = File.ReadAllText(dir.File("m.yaml"));
        Assert.StartsWith("# chosen by RegMix search\n# seed 42\nweb: 0.1\n", text);
        var back = MixtureYaml.Read(dir.File("m.yaml"));
        Assert.Equal(domains, back.Select(kv => kv.Key));
        Assert.Equal(weights, back.Select(kv => kv.Value));
    }

    [Fact]
    public void Parse_NestedOrNegative_ThrowsWithLocation()
    {
        Assert.Contains("m.yaml:2", Assert.Throws<FormatException>(() => MixtureYaml.Parse(new StringReader("a: 0.5\nb: -0.1\n"), "m.yaml")).Message);
        Assert.Contains("mapping", Assert.Throws<FormatException>(() => MixtureYaml.Parse(new StringReader("- a\n- b\n"), "m.yaml")).Message);
        Assert.Contains("m.yaml:2", Assert.Throws<FormatException>(() => MixtureYaml.Parse(new StringReader("a: 0.5\na: 0.5\n"), "m.yaml")).Message);
        Assert.Contains("invalid YAML", Assert.Throws<FormatException>(() => MixtureYaml.Parse(new StringReader("a: [0.5\n"), "m.yaml")).Message);
    }

    [Fact]
    public void Format_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => MixtureYaml.Format(["a"], [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => MixtureYaml.Format(["a"], [double.NaN]));
    }
}
