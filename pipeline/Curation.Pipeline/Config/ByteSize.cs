using System.Globalization;

namespace Curation.Pipeline.Config;

/// <summary>Integers with optional size suffixes: 1000, 1_000, 64KB, 64MB, 1GB (×1000) and 64KiB, 1GiB (×1024).</summary>
public static class ByteSize
{
    public static bool TryParse(string text, out long value)
    {
        value = 0;
        var t = text.Trim().Replace("_", "");
        long mult = 1;
        string[] units = ["KiB", "MiB", "GiB", "TiB", "KB", "MB", "GB", "TB", "K", "M", "G", "T"];
        long[] mults = [1L << 10, 1L << 20, 1L << 30, 1L << 40, 1000, 1000_000, 1000_000_000, 1000_000_000_000, 1000, 1000_000, 1000_000_000, 1000_000_000_000];
        for (var i = 0; i < units.Length; i++)
        {
            if (t.EndsWith(units[i], StringComparison.OrdinalIgnoreCase))
            {
                mult = mults[i];
                t = t[..^units[i].Length].Trim();
                break;
            }
        }
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            value = checked(n * mult);
            return true;
        }
        if (mult > 1 && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = (long)(d * mult);
            return true;
        }
        return false;
    }
}
