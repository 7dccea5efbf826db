using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Execution;

/// <summary>
/// Compares a new plan with the manifest of an existing run directory and lists every difference that would make
/// a resume mix incompatible outputs: config values, steps, task counts, input files.
/// </summary>
public static class ResumeCheck
{
    public static List<string> Differences(RunManifest old, RunManifest now, YamlNode? oldTree, YamlNode newTree)
    {
        var diffs = new List<string>();
        if (old.ConfigHash != now.ConfigHash)
        {
            var paths = new List<string>();
            if (oldTree is not null) YamlDiff(oldTree, newTree, "", paths);
            diffs.Add(paths.Count > 0 ? "config changed: " + string.Join("; ", paths.Take(10)) : "config changed");
        }
        var oldSteps = old.Steps.Select(s => s.Id).ToList();
        var newSteps = now.Steps.Select(s => s.Id).ToList();
        if (!oldSteps.SequenceEqual(newSteps))
            diffs.Add($"steps changed: [{string.Join(", ", oldSteps)}] → [{string.Join(", ", newSteps)}]");
        foreach (var n in now.Steps)
        {
            var o = old.Steps.Find(s => s.Id == n.Id);
            if (o is null) continue;
            if (o.Tasks != n.Tasks) diffs.Add($"step {n.Id}: tasks {o.Tasks} → {n.Tasks}");
            var oi = (o.Inputs ?? []).SelectMany(x => x).ToDictionary(f => f.Path, StringComparer.Ordinal);
            var ni = (n.Inputs ?? []).SelectMany(x => x).ToDictionary(f => f.Path, StringComparer.Ordinal);
            foreach (var p in ni.Keys.Except(oi.Keys).Take(5)) diffs.Add($"step {n.Id}: new input {p}");
            foreach (var p in oi.Keys.Except(ni.Keys).Take(5)) diffs.Add($"step {n.Id}: input gone {p}");
            foreach (var (p, f) in ni)
            {
                if (oi.TryGetValue(p, out var of) && (of.Size != f.Size || of.MtimeUnixMs != f.MtimeUnixMs))
                    diffs.Add($"step {n.Id}: input modified {p} ({of.Size} → {f.Size} bytes)");
            }
        }
        return diffs;
    }

    private static void YamlDiff(YamlNode a, YamlNode b, string path, List<string> outp)
    {
        switch (a, b)
        {
            case (YamlScalarNode x, YamlScalarNode y):
                if (x.Value != y.Value) outp.Add($"{path}: {x.Value} → {y.Value}");
                break;
            case (YamlMappingNode x, YamlMappingNode y):
                foreach (var (k, v) in x.Children)
                {
                    var key = ((YamlScalarNode)k).Value;
                    var p = path.Length == 0 ? key! : $"{path}.{key}";
                    if (p is "run.workers" or "run.output" or "run.report" or "slurm") continue;
                    if (y.Children.TryGetValue(k, out var w)) YamlDiff(v, w, p, outp);
                    else outp.Add($"{p}: removed");
                }
                foreach (var (k, _) in y.Children.Where(c => !x.Children.ContainsKey(c.Key)))
                    outp.Add($"{(path.Length == 0 ? "" : path + ".")}{((YamlScalarNode)k).Value}: added");
                break;
            case (YamlSequenceNode x, YamlSequenceNode y):
                for (var i = 0; i < Math.Max(x.Children.Count, y.Children.Count); i++)
                {
                    if (i >= x.Children.Count) outp.Add($"{path}[{i}]: added");
                    else if (i >= y.Children.Count) outp.Add($"{path}[{i}]: removed");
                    else YamlDiff(x.Children[i], y.Children[i], $"{path}[{i}]", outp);
                }
                break;
            default:
                outp.Add($"{path}: changed");
                break;
        }
    }
}

/// <summary>A resume that would mix outputs of different plans is refused.</summary>
public sealed class ResumeMismatchException(string runDir, IReadOnlyList<string> differences)
    : Exception($"refusing to resume {runDir}: it was planned differently.\n" + string.Join("\n", differences.Select(d => "  - " + d))), IUserFacingError
{
    public IReadOnlyList<string> Differences { get; } = differences;

    public string? Hint => "pass --overwrite to discard the earlier results and start again, or --set run.output=NEW_DIR to keep them and run elsewhere";

    public int ExitCode => 3;
}
