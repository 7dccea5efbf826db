using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Curation.Stages.Packing;

/// <summary>
/// The <c>curate pack</c> shortcut: a one-step run config built in memory, and the publishing of its shards and
/// manifest under the requested prefix (<c>PREFIX.train.bin</c>, <c>PREFIX.manifest.json</c>...).
/// </summary>
public static class PackShortcut
{
    /// <summary>The id of the pack step in the shortcut's config.</summary>
    public const string StepId = "pack";

    /// <summary>The run directory a request uses.</summary>
    public static string RunDirectoryOf(PackRequest r) => r.RunDirectory ?? r.OutputPrefix + ".run";

    /// <summary>The run config as YAML (strings are JSON-quoted, which YAML reads as double-quoted scalars).</summary>
    public static string Yaml(PackRequest r)
    {
        static string Q(string s) => JsonSerializer.Serialize(s);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("run:");
        sb.AppendLine($"  name: {Q("pack " + Path.GetFileName(r.OutputPrefix))}");
        sb.AppendLine($"  output: {Q(RunDirectoryOf(r))}");
        sb.AppendLine(inv, $"  workers: {r.Workers}");
        sb.AppendLine(inv, $"  seed: {r.Seed}");
        sb.AppendLine("  report: false");
        sb.AppendLine("steps:");
        sb.AppendLine($"  - id: {StepId}");
        sb.AppendLine("    kind: pack");
        sb.AppendLine("    input:");
        sb.AppendLine($"      paths: [{string.Join(", ", r.Inputs.Select(Q))}]");
        sb.AppendLine("    options:");
        sb.AppendLine($"      tokenizer: {Q(r.Tokenizer)}");
        sb.AppendLine(inv, $"      seq_len: {r.SeqLen}");
        sb.AppendLine($"      format: {r.Format.ToString().ToLowerInvariant()}");
        sb.AppendLine($"      packing: {r.Packing.ToString().ToLowerInvariant()}");
        sb.AppendLine($"      bos: {(r.Bos ? "true" : "false")}");
        sb.AppendLine($"      shuffle: {(r.Shuffle ? "true" : "false")}");
        sb.AppendLine(inv, $"      default_epochs: {r.DefaultEpochs}");
        sb.AppendLine(inv, $"      validation_fraction: {r.ValidationFraction}");
        sb.AppendLine(inv, $"      memory_limit: {r.MemoryLimit}");
        if (r.WeightsFile is { } w) sb.AppendLine($"      weights_file: {Q(w)}");
        if (r.Tokens is { } t) sb.AppendLine(inv, $"      tokens: {t}");
        return sb.ToString();
    }

    /// <summary>Copies the write step's files to <c>PREFIX.&lt;rest&gt;</c>, rewriting the manifest's file names; returns the paths.</summary>
    public static List<string> Publish(string runDirectory, string prefix)
    {
        var source = Path.Combine(runDirectory, StepId + ".write");
        var rank = "00000.";
        var baseName = Path.GetFileName(prefix) + ".";
        var dir = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var f in Directory.EnumerateFiles(source).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(f);
            if (!name.StartsWith(rank, StringComparison.Ordinal)) continue;
            var dest = Path.Combine(dir, baseName + name[rank.Length..]);
            if (name.EndsWith(".manifest.json", StringComparison.Ordinal))
            {
                var node = JsonNode.Parse(File.ReadAllText(f))!;
                foreach (var split in node["splits"]!.AsObject())
                {
                    var files = split.Value!["files"]!.AsArray();
                    for (var i = 0; i < files.Count; i++)
                    {
                        var n = files[i]!.GetValue<string>();
                        files[i] = n.StartsWith(rank, StringComparison.Ordinal) ? baseName + n[rank.Length..] : n;
                    }
                }
                File.WriteAllText(dest, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }
            else File.Copy(f, dest, overwrite: true);
            written.Add(dest);
        }
        return written;
    }
}
