using Curation.Pipeline.Config;

namespace Curation.Pipeline.Tests;

public class ConfigTests
{
    private const string Valid = """
        run:
          name: t
          output: runs/t
          workers: 2
        steps:
          - id: a
            input:
              paths: [data/*.jsonl]
            output:
              format: jsonl
              max_file_bytes: 64MB
        """;

    [Fact]
    public void Parse_ValidConfig_BindsSnakeCaseKeysAndSizes()
    {
        var c = ConfigLoader.Parse(Valid, "t.yaml");
        Assert.False(c.Errors.Any);
        Assert.Equal(2, c.Config.Run.Workers);
        Assert.Equal(64_000_000, c.Config.Steps[0].Output.MaxFileBytes);
        Assert.Equal("jsonl", c.Config.Steps[0].Output.Format);
    }

    [Fact]
    public void Parse_UnknownKeysAndBadValues_ReportsEveryErrorWithLineAndColumn()
    {
        var yaml = """
            run:
              workerz: 2
              seed: lots
            steps:
              - id: a
                input:
                  pathz: [x]
                output:
                  format: csv
            """;
        var c = ConfigLoader.Parse(yaml, "bad.yaml");
        var errors = c.Errors.All;
        Assert.Contains(errors, e => e.Path == "run.workerz" && e.Line == 2 && e.Column == 3 && e.Message.Contains("unknown key"));
        Assert.Contains(errors, e => e.Path == "run.seed" && e.Line == 3 && e.Message.Contains("'lots'"));
        Assert.Contains(errors, e => e.Path == "steps[0].input.pathz" && e.Line == 7);
        Assert.Contains(errors, e => e.Path == "steps[0].output.format" && e.Message.Contains("csv"));
        Assert.Contains(errors, e => e.Path == "steps[0].input" && e.Message.Contains("paths"));
        var ex = Assert.Throws<ConfigException>(() => c.Errors.ThrowIfAny("bad.yaml"));
        Assert.Contains("5 config errors", ex.Message);
    }

    [Fact]
    public void Overrides_SetNestedValuesAndListItemsById()
    {
        var c = ConfigLoader.Parse(Valid, "t.yaml", ["run.output=elsewhere", "run.workers=1", "steps.a.output.format=jsonl.zst", "steps.0.input.paths=[x.jsonl, y.jsonl]"]);
        Assert.False(c.Errors.Any, string.Join("\n", c.Errors.All));
        Assert.Equal("elsewhere", c.Config.Run.Output);
        Assert.Equal(1, c.Config.Run.Workers);
        Assert.Equal("jsonl.zst", c.Config.Steps[0].Output.Format);
        Assert.Equal(["x.jsonl", "y.jsonl"], c.Config.Steps[0].Input!.Paths);
    }

    [Fact]
    public void ConfigHash_IgnoresWorkersAndOutput_ButNotRealChanges()
    {
        var a = ConfigLoader.Parse(Valid, "t.yaml");
        var b = ConfigLoader.Parse(Valid, "t.yaml", ["run.workers=7", "run.output=other"]);
        var c = ConfigLoader.Parse(Valid, "t.yaml", ["steps.a.output.format=jsonl.gz"]);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void YamlSyntaxError_IsAConfigErrorWithPosition()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("run:\n  name: [unclosed\n", "s.yaml"));
        Assert.True(e.Errors[0].Line >= 2);
    }

    [Theory]
    [InlineData("1000", 1000L)]
    [InlineData("64KiB", 65536L)]
    [InlineData("1_000_000", 1000000L)]
    [InlineData("2GB", 2000000000L)]
    public void ByteSize_ParsesSuffixes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var v));
        Assert.Equal(expected, v);
    }
}
