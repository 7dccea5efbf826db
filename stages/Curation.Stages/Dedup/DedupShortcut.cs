using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Curation.Stages.Dedup;

/// <summary>
/// The <c>curate dedup</c> shortcut: a one-step run config built in memory (run directory <c>OUTPUT/run</c>, so a
/// rerun resumes), and the publishing of its results into the output folder: the kept documents as
/// <c>OUTPUT/&lt;rank&gt;.&lt;ext&gt;</c> and <c>OUTPUT/clusters.jsonl</c>.
/// </summary>
public static class DedupShortcut
{
    /// <summary>The id of the dedup step in the shortcut's config.</summary>
    public const string StepId = "dedup";

    /// <summary>The run directory of a request.</summary>
    public static string RunDirectoryOf(DedupRequest r) => Path.Combine(r.Output, "run");

    /// <summary>The run config as YAML (strings JSON-quoted, which YAML reads as double-quoted scalars).</summary>
    public static string Yaml(DedupRequest r)
    {
        static string Q(string s) => JsonSerializer.Serialize(s);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("run:");
        sb.AppendLine($"  name: {Q("dedup " + Path.GetFileName(Path.GetFullPath(r.Output)))}");
        sb.AppendLine($"  output: {Q(RunDirectoryOf(r))}");
        sb.AppendLine(inv, $"  workers: {r.Workers}");
        sb.AppendLine("  report: false");
        sb.AppendLine("steps:");
        sb.AppendLine($"  - id: {StepId}");
        sb.AppendLine($"    kind: {r.Kind}");
        sb.AppendLine("    input:");
        sb.AppendLine($"      paths: [{string.Join(", ", r.Inputs.Select(Q))}]");
        sb.AppendLine(inv, $"      files_per_task: {r.FilesPerTask}");
        sb.AppendLine("    output:");
        sb.AppendLine($"      format: {Q(r.Format)}");
        sb.AppendLine("    options:");
        sb.AppendLine(inv, $"      ngram: {r.Ngram}");
        if (r.Bands is { } b) sb.AppendLine(inv, $"      bands: {b}");
        if (r.Rows is { } rows) sb.AppendLine(inv, $"      rows: {rows}");
        if (r.Threshold is { } t) sb.AppendLine(inv, $"      threshold: {t}");
        if (r.VerifyThreshold is { } v) sb.AppendLine(inv, $"      verify_threshold: {v}");
        if (r.PriorityKey is { } p) sb.AppendLine($"      priority_key: {Q(p)}");
        if (r.Index is { } i) sb.AppendLine($"      index_dir: {Q(Path.GetFullPath(i))}");
        return sb.ToString();
    }

    /// <summary>Copies the kept documents and <c>clusters.jsonl</c> into the output folder; returns the paths.</summary>
    public static List<string> Publish(DedupRequest r)
    {
        var run = RunDirectoryOf(r);
        Directory.CreateDirectory(r.Output);
        var written = new List<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(run, StepId + ".filter")).Order(StringComparer.Ordinal))
        {
            var dest = Path.Combine(r.Output, Path.GetFileName(f));
            File.Copy(f, dest, overwrite: true);
            written.Add(dest);
        }
        var clusters = Path.Combine(run, DedupClusterStep.ClustersKind, StepId + ".clusters", "00000.clusters.jsonl");
        var target = Path.Combine(r.Output, "clusters.jsonl");
        File.Copy(clusters, target, overwrite: true);
        written.Add(target);
        return written;
    }
}
