using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Filters;

/// <summary>Turns raw YAML option values into the plain objects <c>RuleRegistry</c> reads (strings, lists, maps, null).</summary>
public static class RuleOptionValues
{
    /// <summary>The options as a dictionary of plain values; scalars stay strings (the rule parses numbers and booleans itself).</summary>
    public static Dictionary<string, object?> From(IReadOnlyDictionary<string, YamlNode> raw)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in raw.OrderBy(p => p.Key, StringComparer.Ordinal)) d[k] = Plain(v);
        return d;
    }

    private static object? Plain(YamlNode node) => node switch
    {
        // An explicit null disables a check, as in datatrove.
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "None" } => null,
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(Plain).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => Plain(p.Value), StringComparer.Ordinal),
        _ => throw new ArgumentException($"unsupported YAML value at line {node.Start.Line}"),
    };
}
