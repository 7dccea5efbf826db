using System.Globalization;

namespace Curation.Pipeline.Config;

/// <summary>Durations written as 250ms, 30s, 5m, 2h, 1d, or hh:mm:ss.</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        var t = text.Trim();
        (string suffix, double seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal) && double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                value = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }
        return TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out value);
    }
}
