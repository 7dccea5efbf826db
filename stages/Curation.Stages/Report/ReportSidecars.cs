using System.Text.Json;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Report;

/// <summary>Steps contribute charts to the report by writing <see cref="ChartSpec"/> files under <c>report/&lt;step&gt;/</c>.</summary>
public static class ReportSidecars
{
    public static void Write(RunDirectory run, string step, string name, ChartSpec chart) =>
        JsonFiles.WriteAtomic(Path.Combine(run.Root, "report", step, name + ".json"), chart);

    public static List<(string Step, ChartSpec Chart)> ReadAll(RunDirectory run)
    {
        var root = Path.Combine(run.Root, "report");
        var list = new List<(string, ChartSpec)>();
        if (!Directory.Exists(root)) return list;
        foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        foreach (var f in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
            list.Add((Path.GetFileName(dir), JsonSerializer.Deserialize<ChartSpec>(File.ReadAllText(f), JsonFiles.Options)!));
        return list;
    }
}
