using Curation.Mixture.IO;
using Curation.Testing;

namespace Curation.Mixture.Tests.IO;

public class MixtureCsvTests
{
    [Fact]
    public void WriteThenRead_RoundTripsExactly()
    {
        using var dir = new TempDir("mixcsv");
        var table = new MixtureTable(["web", "code,python", "wiki"], ["val/web", "val/code"],
            [[0.1, 0.2, 0.7], [1.0 / 3, 1.0 / 3, 1.0 / 3]], [[3.25, 2.5], [Math.PI, 1e-7]], ["r0", "r \"1\""]);
        MixtureCsv.Write(dir.File("t.csv"), table);
        var back = MixtureCsv.Read(dir.File("t.csv"), ["val/web", "val/code"]);
        Assert.Equal(table.Domains, back.Domains);
        Assert.Equal(table.Targets, back.Targets);
        Assert.Equal(table.RunIds, back.RunIds);
        for (var r = 0; r < 2; r++)
        {
            Assert.Equal(table.Weights[r], back.Weights[r]);
            Assert.Equal(table.TargetValues[r], back.TargetValues[r]);
        }
        Assert.Equal([3.25, Math.PI], back.Target("val/web"));
    }

    [Fact]
    public void Read_RegMixStyleFile_WithIgnoredColumnsAndCrlf()
    {
        // RegMix's CSVs carry an index column; other trainers' exports may use CRLF.
        var text = "index,a,b,loss\r\n0,0.25,0.75,3.5\r\n1,0.5,0.5,3.1\r\n";
        var table = MixtureCsv.Read(new StringReader(text), ["loss"], "regmix.csv", ignoreColumns: ["index"]);
        Assert.Equal(["a", "b"], table.Domains);
        Assert.Null(table.RunIds);
        Assert.Equal([3.5, 3.1], table.Target("loss"));
    }

    [Theory]
    [InlineData("a,b,loss\n0.5,0.5,3\n0.5,x,3\n", "t.csv:3: column 'b' holds 'x'")]
    [InlineData("a,b,loss\n0.5,0.5\n", "t.csv:2: 2 fields, header has 3")]
    [InlineData("a,b\n0.5,0.5\n", "target column(s) loss not found")]
    [InlineData("a,a,loss\n", "column 'a' appears twice")]
    [InlineData("a,b,loss\n\"0.5,0.5,3\n", "quoted field is not closed")]
    [InlineData("", "empty file")]
    public void Read_DamagedInput_NamesFileAndLine(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => MixtureCsv.Read(new StringReader(text), ["loss"], "t.csv"));
        Assert.Contains(expected, e.Message);
    }
}
