using System.Globalization;

namespace Curation.Cli.Output;

/// <summary>Numbers formatted for people: thousands separators, binary sizes, short durations.</summary>
public static class Formatting
{
    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long n)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = n;
        var u = 0;
        while (Math.Abs(v) >= 1024 && u < units.Length - 1) { v /= 1024; u++; }
        return u == 0 ? $"{n} B" : v.ToString(v >= 100 ? "F0" : "F1", CultureInfo.InvariantCulture) + " " + units[u];
    }

    public static string Seconds(double s) =>
        s < 1 ? (s * 1000).ToString("F0", CultureInfo.InvariantCulture) + " ms"
        : s < 120 ? s.ToString("F1", CultureInfo.InvariantCulture) + " s"
        : TimeSpan.FromSeconds(s).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
