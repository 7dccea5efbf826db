using System.Globalization;
using System.Text.Json;

namespace Curation.Pipeline.Execution;

/// <summary>
/// The layout of a run directory. Status is derived from completion records only: no shared mutable state and
/// no locks, so it works on any shared filesystem and under any executor.
/// <code>
/// run.yaml, manifest.json, sessions.jsonl
/// &lt;step&gt;/&lt;rank&gt;[-part].&lt;ext&gt;           committed outputs
/// completions/&lt;step&gt;/&lt;rank&gt;.json      written last, by rename: the task is done
/// stats/&lt;step&gt;/&lt;rank&gt;.json, logs/&lt;step&gt;/&lt;rank&gt;.log, attempts/&lt;step&gt;/&lt;rank&gt;
/// rejects/&lt;step&gt;/&lt;rank&gt;.jsonl.gz, quarantine/&lt;step&gt;/&lt;rank&gt;.jsonl, failures/&lt;step&gt;/&lt;rank&gt;.json
/// .tmp/&lt;step&gt;/&lt;rank&gt;/                    a running task's files before commit
/// </code>
/// </summary>
public sealed class RunDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string ManifestPath => Path.Combine(Root, "manifest.json");
    public string ConfigPath => Path.Combine(Root, "run.yaml");
    public string SessionsPath => Path.Combine(Root, "sessions.jsonl");

    public static string RankName(int rank) => rank.ToString("D5", CultureInfo.InvariantCulture);

    public string StepDir(string step) => Path.Combine(Root, step);
    public string Completion(string step, int rank) => Path.Combine(Root, "completions", step, RankName(rank) + ".json");
    public string StatsFile(string step, int rank) => Path.Combine(Root, "stats", step, RankName(rank) + ".json");
    public string LogFile(string step, int rank) => Path.Combine(Root, "logs", step, RankName(rank) + ".log");
    public string AttemptsFile(string step, int rank) => Path.Combine(Root, "attempts", step, RankName(rank));
    public string FailureFile(string step, int rank) => Path.Combine(Root, "failures", step, RankName(rank) + ".json");
    public string TempDir(string step, int rank) => Path.Combine(Root, ".tmp", step, RankName(rank));

    /// <summary>Where a committed output of a given kind lives.</summary>
    public string KindDir(string step, string kind) => kind switch
    {
        OutputKinds.Data => StepDir(step),
        _ => Path.Combine(Root, kind, step),
    };

    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>
    /// A path as written into outputs: relative to the run directory when inside it (so a run's bytes do not depend on
    /// where the run directory is), otherwise as given.
    /// </summary>
    public string Display(string path) =>
        path.StartsWith(Root + "/", StringComparison.Ordinal) ? Relative(path) : path;

    public string Absolute(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public bool IsComplete(string step, int rank) => File.Exists(Completion(step, rank));

    public CompletionRecord? ReadCompletion(string step, int rank)
    {
        var p = Completion(step, rank);
        return File.Exists(p) ? JsonSerializer.Deserialize<CompletionRecord>(File.ReadAllText(p), JsonFiles.Options) : null;
    }

    public int ReadAttempts(string step, int rank)
    {
        var p = AttemptsFile(step, rank);
        return File.Exists(p) && int.TryParse(File.ReadAllText(p).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }
}

/// <summary>Kinds of task outputs; each has its own folder.</summary>
public static class OutputKinds
{
    public const string Data = "data";
    public const string Rejects = "rejects";
    public const string Quarantine = "quarantine";
}
