using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>
/// A canonical text of a YAML tree and its hash, leaving out keys that do not change what a run produces
/// (worker count, output folder, report switch), so a resume with more workers is still the same run.
/// </summary>
public static class ConfigCanonical
{
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "run.workers", "run.output", "run.report", "slurm" };

    public static string Text(YamlNode root)
    {
        var sb = new StringBuilder();
        Write(root, "", sb);
        return sb.ToString();
    }

    public static string Hash(YamlNode root) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(root))));

    private static void Write(YamlNode node, string path, StringBuilder sb)
    {
        switch (node)
        {
            case YamlScalarNode s:
                sb.Append('"').Append(s.Value?.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case YamlSequenceNode seq:
                sb.Append('[');
                var i = 0;
                foreach (var c in seq.Children) { if (i++ > 0) sb.Append(','); Write(c, path + "[]", sb); }
                sb.Append(']');
                break;
            case YamlMappingNode map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value ?? "";
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    if (Excluded.Contains(childPath)) continue;
                    if (!first) sb.Append(',');
                    first = false;
                    sb.Append('"').Append(key).Append("\":");
                    Write(v, childPath, sb);
                }
                sb.Append('}');
                break;
        }
    }
}
