using System.Globalization;
using System.Text.Json.Nodes;
using Curation.Formats.Parquet.Json;

namespace Curation.Formats.Parquet.Tests;

/// <summary>The normalised form read_with_peers.mjs gives values, computed from the CLR values Curation wrote.</summary>
internal static class PeerCanonical
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static JsonNode? Of(object? v) => v switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i.ToString(CultureInfo.InvariantCulture)),
        long l => JsonValue.Create(l.ToString(CultureInfo.InvariantCulture)),
        double d => JsonValue.Create(JsNumber(d)),
        float f => JsonValue.Create(JsNumber(f)),
        byte[] b => JsonValue.Create("hex:" + Convert.ToHexStringLower(b)),
        DateTime t => JsonValue.Create("T" + ((t.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create("T" + ((long)(d.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber) * 86_400_000).ToString(CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable e => new JsonArray(e.Cast<object?>().Select(Of).ToArray()),
        _ => throw new ArgumentException($"no canonical form for {v.GetType().Name}"),
    };

    /// <summary>JavaScript's Number.prototype.toString: DuckDB's form without ".0" and with '+' in positive exponents.</summary>
    public static string JsNumber(double d)
    {
        var s = DuckDbJsonFormat.Double(d);
        if (s == "-0.0") return "0";
        if (s.EndsWith(".0", StringComparison.Ordinal)) return s[..^2];
        var e = s.IndexOf('e', StringComparison.Ordinal);
        if (e >= 0 && s[e + 1] != '-') s = s.Insert(e + 1, "+");
        return s;
    }
}
