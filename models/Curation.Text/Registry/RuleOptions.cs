using System.Collections;
using System.Globalization;

namespace Curation.Text.Registry;

/// <summary>
/// Typed, validated access to a rule's option overrides as they come from YAML/JSON (strings, numbers, booleans,
/// lists, maps). Every key must be consumed: <see cref="EnsureAllUsed"/> rejects unknown keys by name.
/// </summary>
public sealed class RuleOptions
{
    private readonly IReadOnlyDictionary<string, object?> _values;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public RuleOptions(string ruleId, IReadOnlyDictionary<string, object?>? values)
    {
        RuleId = ruleId;
        _values = values ?? new Dictionary<string, object?>();
    }

    /// <summary>The rule id setting.</summary>
    public string RuleId { get; }

    /// <summary>The has setting.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>A number; an explicit null or 0 disables the threshold (datatrove's convention).</summary>
    public double? Double(string key, double? fallback) => Read(key, fallback, v => v is null ? null : ToDouble(key, v));

    /// <summary>The int setting.</summary>
    public int? Int(string key, int? fallback) => Read(key, fallback, v => v is null ? null : checked((int)ToDouble(key, v)));

    /// <summary>The int required setting.</summary>
    public int IntRequired(string key, int fallback) => Int(key, fallback) ?? fallback;

    /// <summary>The double required setting.</summary>
    public double DoubleRequired(string key, double fallback) => Double(key, fallback) ?? fallback;

    /// <summary>The bool setting.</summary>
    public bool Bool(string key, bool fallback) => Read(key, fallback, v => v switch
    {
        bool b => b,
        string s when bool.TryParse(s, out var b) => b,
        _ => throw Bad(key, v, "true or false"),
    });

    /// <summary>The string setting.</summary>
    public string? String(string key, string? fallback) => Read(key, fallback, v => v?.ToString());

    public IReadOnlyList<string>? Strings(string key, IReadOnlyList<string>? fallback) => Read(key, fallback, v => v switch
    {
        null => null,
        string s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        IEnumerable e => e.Cast<object?>().Select(x => x?.ToString() ?? "").ToList(),
        _ => throw Bad(key, v, "a list of strings"),
    });

    /// <summary>(n, fraction) pairs, written as a map {"2": 0.2} or a list of [n, fraction] pairs.</summary>
    public IReadOnlyList<(int N, double Fraction)> Pairs(string key, IReadOnlyList<(int, double)> fallback) => Read(key, fallback, v =>
    {
        var pairs = new List<(int, double)>();
        switch (v)
        {
            case IDictionary map:
                foreach (DictionaryEntry e in map) pairs.Add((checked((int)ToDouble(key, e.Key)), ToDouble(key, e.Value)));
                break;
            case IEnumerable list when v is not string:
                foreach (var item in list)
                {
                    var pair = (item as IEnumerable)?.Cast<object?>().ToList();
                    if (pair is not { Count: 2 }) throw Bad(key, item, "[n, fraction] pairs");
                    pairs.Add((checked((int)ToDouble(key, pair[0])), ToDouble(key, pair[1])));
                }
                break;
            default:
                throw Bad(key, v, "a map of n to fraction, or [n, fraction] pairs");
        }
        return (IReadOnlyList<(int, double)>)pairs.OrderBy(p => p.Item1).ToList();
    })!;

    /// <summary>Throws when an option was given that the rule does not know.</summary>
    public void EnsureAllUsed()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"rule '{RuleId}': unknown option(s) {string.Join(", ", unknown)}; known: {string.Join(", ", _used.Order(StringComparer.Ordinal))}");
        }
    }

    private T Read<T>(string key, T fallback, Func<object?, T> convert)
    {
        _used.Add(key);
        if (!_values.TryGetValue(key, out var v)) return fallback;
        return convert(v);
    }

    private double ToDouble(string key, object? v) => v switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw Bad(key, v, "a number"),
    };

    private ArgumentException Bad(string key, object? value, string expected) =>
        new($"rule '{RuleId}': option '{key}' = '{value}' is not {expected}");
}
