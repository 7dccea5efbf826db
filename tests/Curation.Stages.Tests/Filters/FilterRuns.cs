using System.Text;
using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Tests.Filters;

/// <summary>Writes crafted inputs, runs one-step configs with the real registries in-process, and reads outputs and stats back.</summary>
public static class FilterRuns
{
    /// <summary>A one-step config (step <c>s</c>) over <paramref name="inputs"/> with the given stage YAML (list items indented 6).</summary>
    public static string Config(string output, string stages, params string[] inputs) => $$"""
        run:
          name: filters
          output: {{JsonSerializer.Serialize(output)}}
          workers: 1
          report: false
        steps:
          - id: s
            input:
              paths: [{{string.Join(", ", inputs.Select(i => JsonSerializer.Serialize(i)))}}]
            stages:
        {{stages}}
            output:
              format: jsonl
        """;

    public static async Task<(RunResult Result, RunDirectory Dir)> TryRun(string yaml)
    {
        var (kinds, ctx) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, ctx).Plan(ConfigLoader.Parse(yaml, "test.yaml"));
        var dir = new RunDirectory(plan.Config.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(plan.Config.Config.Run.Workers).RunAsync(plan, dir, session, CancellationToken.None);
        return (result, dir);
    }

    public static async Task<RunDirectory> Run(string yaml)
    {
        var (result, dir) = await TryRun(yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => $"{f.Step}/{f.Rank}: {f.Error}")));
        return dir;
    }

    /// <summary>Writes documents as JSONL: (id, text, extra top-level metadata).</summary>
    public static string Write(string path, params (string Id, string Text, object? Meta)[] docs)
    {
        var sb = new StringBuilder();
        foreach (var (id, text, meta) in docs)
        {
            var record = new Dictionary<string, object?> { ["id"] = id, ["text"] = text };
            if (meta is not null) record["metadata"] = meta;
            sb.Append(JsonSerializer.Serialize(record)).Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    public static List<JsonElement> Documents(RunDirectory dir, string kind = OutputKinds.Data, string step = "s")
    {
        var folder = dir.KindDir(step, kind);
        if (!Directory.Exists(folder)) return [];
        var docs = new List<JsonElement>();
        foreach (var f in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            using var s = Curation.Formats.Compression.CompressedFile.OpenRead(f);
            using var r = new StreamReader(s);
            while (r.ReadLine() is { } line) docs.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        return docs;
    }

    public static List<string> Ids(IEnumerable<JsonElement> docs) => docs.Select(d => d.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    /// <summary>id → reject reason of every rejected document.</summary>
    public static Dictionary<string, string> Rejects(RunDirectory dir) =>
        Documents(dir, OutputKinds.Rejects).ToDictionary(d => d.GetProperty("id").GetString()!,
            d => d.GetProperty("metadata").GetProperty("reject_reason").GetString()!, StringComparer.Ordinal);

    public static TaskStats Stats(RunDirectory dir, string step = "s") =>
        TaskStats.Merge(step, Directory.EnumerateFiles(Path.Combine(dir.Root, "stats", step), "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<TaskStats>(File.ReadAllText(f), TaskStats.Json)!));
}
