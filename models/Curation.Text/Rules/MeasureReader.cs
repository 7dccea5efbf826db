namespace Curation.Text.Rules;

/// <summary>Reads stored measures for <see cref="IDocumentRule.Decide"/>, failing clearly when one is missing.</summary>
internal static class MeasureReader
{
    public static double Get(IReadOnlyDictionary<string, double> measures, string name) =>
        measures.TryGetValue(name, out var v)
            ? v
            : throw new KeyNotFoundException($"measure '{name}' is missing; annotate the documents with this rule first");

    public static Dictionary<string, double> ToDictionary(IReadOnlyList<RuleMeasure> measures)
    {
        var d = new Dictionary<string, double>(measures.Count, StringComparer.Ordinal);
        foreach (var m in measures) d[m.Name] = m.Value;
        return d;
    }
}
