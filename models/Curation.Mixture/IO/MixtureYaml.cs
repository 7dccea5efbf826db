using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Curation.Mixture.IO;

/// <summary>
/// The mixture file the packing step consumes: a YAML mapping of domain name to weight, in domain order, with
/// round-trip precision. Reading accepts any YAML mapping of names to numbers.
/// </summary>
public static class MixtureYaml
{
    /// <summary>Writes <c>domain: weight</c> lines, preceded by optional comment lines.</summary>
    public static void Write(string path, IReadOnlyList<string> domains, IReadOnlyList<double> weights, IEnumerable<string>? comments = null)
    {
        File.WriteAllText(path, Format(domains, weights, comments), new UTF8Encoding(false));
    }

    /// <summary>Formats the mapping as YAML text.</summary>
    public static string Format(IReadOnlyList<string> domains, IReadOnlyList<double> weights, IEnumerable<string>? comments = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(weights);
        if (domains.Count != weights.Count) throw new ArgumentException($"{domains.Count} domains but {weights.Count} weights", nameof(weights));
        var sb = new StringBuilder();
        foreach (var c in comments ?? [])
            foreach (var line in c.Split('\n')) sb.Append("# ").Append(line.TrimEnd('\r')).Append('\n');
        for (var i = 0; i < domains.Count; i++)
        {
            if (!double.IsFinite(weights[i]) || weights[i] < 0) throw new ArgumentException($"weight of '{domains[i]}' is not a finite non-negative number", nameof(weights));
            sb.Append(Key(domains[i])).Append(": ").Append(weights[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Reads a mixture file into (domain, weight) pairs in file order.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, path);
    }

    /// <summary>Parses mixture YAML; <paramref name="sourceName"/> names the input in error messages.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Parse(TextReader reader, string sourceName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            throw new FormatException($"{sourceName}: expected a mapping of domain names to weights");
        var result = new List<KeyValuePair<string, double>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var at = $"{sourceName}:{k.Start.Line}";
            if (k is not YamlScalarNode { Value: { } key }) throw new FormatException($"{at}: domain names must be scalars");
            if (!seen.Add(key)) throw new FormatException($"{at}: domain '{key}' appears twice");
            if (v is not YamlScalarNode { Value: { } text } ||
                !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                throw new FormatException($"{at}: weight of '{key}' must be a finite non-negative number");
            result.Add(new(key, w));
        }
        return result;
    }

    private static string Key(string name)
    {
        var plain = name.Length > 0 && !name.Any(c => char.IsControl(c) || c is ':' or '#' or '\'' or '"' or '{' or '}' or '[' or ']' or ',' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
            && name.Trim() == name && !"-?".Contains(name[0])
            && !double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && name is not ("true" or "false" or "null" or "yes" or "no" or "on" or "off" or "~");
        return plain ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
