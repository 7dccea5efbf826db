using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Tests.Quality;

/// <summary>Runs configs with the real registries and local executor; reads outputs back.</summary>
public static class QualityRuns
{
    public static async Task<RunDirectory> Run(string yaml)
    {
        var loaded = ConfigLoader.Parse(yaml, "test.yaml");
        var (kinds, ctx) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, ctx).Plan(loaded);
        var dir = new RunDirectory(plan.Config.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(plan.Config.Config.Run.Workers).RunAsync(plan, dir, session, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => $"{f.Step}/{f.Rank}: {f.Error}")));
        return dir;
    }

    /// <summary>Every document written by a step (or another kind's folder), as parsed JSON, in file order.</summary>
    public static List<JsonElement> Documents(RunDirectory dir, string step, string kind = OutputKinds.Data)
    {
        var folder = dir.KindDir(step, kind);
        if (!Directory.Exists(folder)) return [];
        var docs = new List<JsonElement>();
        foreach (var f in Directory.EnumerateFiles(folder, "*.jsonl*").Order(StringComparer.Ordinal))
        {
            using var s = Curation.Formats.Compression.CompressedFile.OpenRead(f);
            using var r = new StreamReader(s);
            while (r.ReadLine() is { } line) docs.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        return docs;
    }

    public static string Meta(JsonElement doc, string key) => doc.GetProperty("metadata").GetProperty(key).ToString();

    public static double Score(JsonElement doc, string key = "quality_score") => doc.GetProperty("metadata").GetProperty(key).GetDouble();
}
