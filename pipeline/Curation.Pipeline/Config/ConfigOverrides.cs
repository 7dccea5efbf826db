using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>
/// Applies <c>--set a.b.c=value</c> overrides to the YAML tree before binding. Path segments are mapping keys;
/// in a list, a segment is an index or the <c>id</c> of an item (<c>steps.curate.output.format=jsonl</c>).
/// Values are YAML (<c>--set input.paths=[a.jsonl,b.jsonl]</c>). Missing mapping keys are created.
/// </summary>
public static class ConfigOverrides
{
    public static void Apply(YamlMappingNode root, IEnumerable<string> overrides, ConfigErrors errors)
    {
        foreach (var o in overrides)
        {
            var eq = o.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add($"--set {o}", "expected key=value");
                continue;
            }
            var path = o[..eq].Trim();
            var value = ParseValue(o[(eq + 1)..]);
            var segments = path.Split('.');
            YamlNode node = root;
            for (var i = 0; i < segments.Length; i++)
            {
                var seg = segments[i];
                var last = i == segments.Length - 1;
                if (node is YamlMappingNode map)
                {
                    var key = new YamlScalarNode(seg);
                    if (last) { map.Children[key] = value; break; }
                    if (!map.Children.TryGetValue(key, out var next))
                    {
                        next = new YamlMappingNode();
                        map.Children[key] = next;
                    }
                    node = next;
                }
                else if (node is YamlSequenceNode seq)
                {
                    var idx = FindItem(seq, seg);
                    if (idx < 0)
                    {
                        errors.Add($"--set {path}", $"no list item '{seg}' (use an index or an item's id)");
                        break;
                    }
                    if (last) { seq.Children[idx] = value; break; }
                    node = seq.Children[idx];
                }
                else
                {
                    errors.Add($"--set {path}", $"'{string.Join('.', segments.Take(i))}' is a single value, not a mapping");
                    break;
                }
            }
        }
    }

    private static int FindItem(YamlSequenceNode seq, string seg)
    {
        if (int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < seq.Children.Count) return i;
        for (var j = 0; j < seq.Children.Count; j++)
        {
            if (seq.Children[j] is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode s && s.Value == seg)
                return j;
        }
        return -1;
    }

    private static YamlNode ParseValue(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0) return stream.Documents[0].RootNode;
        }
        catch (YamlException)
        {
            // Not YAML on its own (e.g. "a: b: c"): take it as a plain string, which is what the user meant.
        }
        return new YamlScalarNode(text);
    }
}
