using System.Text.Json;
using System.Text.RegularExpressions;
using Curation.Testing;

namespace Curation.Cli.Tests;

public class ReportTests
{
    private static readonly string[] ChromiumFlags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [Fact]
    public void SampleRunReport_RendersInHeadlessChromium_WithoutErrors_AndShowsTheStatsNumbers()
    {
        using var t = new TempDir("report");
        var run = t.File("run");
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={run}").EnsureSuccess();
        var html = Path.Combine(run, "report.html");
        Assert.True(new FileInfo(html).Length < 2_000_000, "the sample report must stay under 2 MB");
        var text = File.ReadAllText(html);
        Assert.DoesNotContain("<script", text);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//"), text); // nothing fetched from a network

        var url = new Uri(html).AbsoluteUri;
        var dom = ProcessRunner.Run("chromium", [.. ChromiumFlags, "--user-data-dir=" + t.File("profile1"), "--enable-logging=stderr", "--v=0", "--dump-dom", url], timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(0, dom.ExitCode);
        Assert.DoesNotContain("CONSOLE", dom.StdErr); // console messages of the page are logged as CONSOLE(...)
        Assert.DoesNotContain("Failed to load resource", dom.StdErr);
        var shot = t.File("report.png");
        ProcessRunner.Run("chromium", [.. ChromiumFlags, "--user-data-dir=" + t.File("profile2"), "--hide-scrollbars", "--window-size=1100,2000", "--screenshot=" + shot, url], timeout: TimeSpan.FromMinutes(2));
        Assert.True(File.Exists(shot) && new FileInfo(shot).Length > 10_000, "a screenshot was taken");
        var artifacts = Path.Combine(RepoPaths.Root, "tests", "results");
        Directory.CreateDirectory(artifacts);
        File.Copy(shot, Path.Combine(artifacts, "sample-report.png"), overwrite: true);

        // Every number the rendered page shows for a stage equals the run's stats JSON.
        var shown = Regex.Matches(dom.StdOut, "data-stat=\"([^\"]+)\"(?: value=\"(\\d+)\")?[^>]*>([^<]*)<")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value.Replace(",", ""));
        var stats = JsonDocument.Parse(Curate.Run("stats", run, "--json").EnsureSuccess().StdOut).RootElement[0];
        var input = stats.GetProperty("input");
        Assert.Equal(input.GetProperty("records").GetInt64().ToString(), shown["curate/read/docs_in"]);
        foreach (var stage in stats.GetProperty("stages").EnumerateArray())
        {
            var id = stage.GetProperty("stage_id").GetString();
            Assert.Equal(stage.GetProperty("docs_in").GetInt64().ToString(), shown[$"curate/{id}/docs_in"]);
            Assert.Equal(stage.GetProperty("docs_out").GetInt64().ToString(), shown[$"curate/{id}/docs_out"]);
            foreach (var drop in stage.GetProperty("dropped").EnumerateObject())
                Assert.Equal(drop.Value.GetInt64().ToString(), shown[$"curate/{id}/dropped/{drop.Name}"]);
        }
        Assert.Equal(stats.GetProperty("docs_written").GetInt64().ToString(), shown["curate/write/docs_out"]);
        Assert.Equal("15", shown["curate/input_files"]);
    }
}
