using System.Text.Json;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Execution;

/// <summary>State of one task as derived from the run directory.</summary>
public sealed record TaskState(string Step, int Rank, bool Complete, int Attempts, int? CompletedInSession, string? Failure, string LogPath);

/// <summary>Reads a run directory's state and stats; nothing but files, so it works while a run is going on.</summary>
public static class RunStatus
{
    public static RunManifest Manifest(RunDirectory dir)
    {
        if (!File.Exists(dir.ManifestPath))
            throw new DirectoryNotFoundException($"{dir.Root} is not a run directory (no manifest.json)");
        return JsonFiles.Read<RunManifest>(dir.ManifestPath);
    }

    public static List<TaskState> Tasks(RunDirectory dir)
    {
        var m = Manifest(dir);
        var list = new List<TaskState>();
        foreach (var s in m.Steps)
        {
            for (var r = 0; r < s.Tasks; r++)
            {
                var c = dir.ReadCompletion(s.Id, r);
                string? failure = null;
                var fp = dir.FailureFile(s.Id, r);
                if (c is null && File.Exists(fp))
                    failure = JsonDocument.Parse(File.ReadAllText(fp)).RootElement.GetProperty("error").GetString();
                list.Add(new TaskState(s.Id, r, c is not null, dir.ReadAttempts(s.Id, r), c?.Session, failure, dir.Relative(dir.LogFile(s.Id, r))));
            }
        }
        return list;
    }

    /// <summary>Merged stats per step (over completed tasks), in manifest order.</summary>
    public static List<TaskStats> StepStats(RunDirectory dir)
    {
        var m = Manifest(dir);
        var result = new List<TaskStats>();
        foreach (var s in m.Steps)
        {
            var parts = new List<TaskStats>();
            for (var r = 0; r < s.Tasks; r++)
            {
                var p = dir.StatsFile(s.Id, r);
                if (dir.IsComplete(s.Id, r) && File.Exists(p))
                    parts.Add(JsonSerializer.Deserialize<TaskStats>(File.ReadAllText(p), TaskStats.Json)!);
            }
            result.Add(TaskStats.Merge(s.Id, parts));
        }
        return result;
    }
}
