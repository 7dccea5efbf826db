using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Execution;

/// <summary>
/// Creates a run directory for a plan (run.yaml + manifest.json), or checks that an existing one was planned the
/// same way before resuming; and opens a session line in sessions.jsonl.
/// </summary>
public static class RunPreparation
{
    public static void Prepare(RunPlan plan, RunDirectory dir)
    {
        if (File.Exists(dir.ManifestPath))
        {
            var old = JsonFiles.Read<RunManifest>(dir.ManifestPath);
            YamlNode? oldTree = null;
            if (File.Exists(dir.ConfigPath))
            {
                var ys = new YamlStream();
                ys.Load(new StringReader(File.ReadAllText(dir.ConfigPath)));
                oldTree = ys.Documents.Count > 0 ? ys.Documents[0].RootNode : null;
            }
            var diffs = ResumeCheck.Differences(old, plan.Manifest, oldTree, plan.Config.Tree);
            if (diffs.Count > 0) throw new ResumeMismatchException(dir.Root, diffs);
            return;
        }
        Directory.CreateDirectory(dir.Root);
        var ys2 = new YamlStream(new YamlDocument(plan.Config.Tree));
        using (var sw = new StringWriter())
        {
            ys2.Save(sw, assignAnchors: false);
            JsonFiles.WriteAllTextAtomic(dir.ConfigPath, sw.ToString());
        }
        // The manifest is written last: a directory with a manifest is a planned run.
        JsonFiles.WriteAtomic(dir.ManifestPath, plan.Manifest);
    }

    /// <summary>Appends an invocation to sessions.jsonl and returns its 1-based number.</summary>
    public static int OpenSession(RunDirectory dir, string command)
    {
        var n = File.Exists(dir.SessionsPath) ? File.ReadLines(dir.SessionsPath).Count(l => l.Length > 0) + 1 : 1;
        var line = JsonSerializer.Serialize(new { session = n, command, started = DateTimeOffset.UtcNow.ToString("o"), pid = Environment.ProcessId });
        File.AppendAllText(dir.SessionsPath, line + "\n");
        return n;
    }

    /// <summary>Every step's completion records in rank order (null where a rank is not complete).</summary>
    public static List<CompletionRecord?> Completions(RunDirectory dir, string step, int tasks) =>
        Enumerable.Range(0, tasks).Select(r => dir.ReadCompletion(step, r)).ToList();
}
