using System.Globalization;

namespace Curation.FastText;

/// <summary>Formats numbers as C++ iostreams do by default (printf "%g"), so output matches fastText's byte for byte.</summary>
public static class CppFloatFormat
{
    /// <summary>printf("%.{precision}g", value).</summary>
    public static string G(double value, int precision = 6)
    {
        // .NET's NaN has the sign bit set, C++'s quiet_NaN does not; fastText only prints the latter.
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return double.IsNegative(value) ? "-0" : "0";
        var p = Math.Max(precision, 1);
        var sci = value.ToString("E" + (p - 1), CultureInfo.InvariantCulture);
        var ePos = sci.IndexOf('E');
        var exponent = int.Parse(sci.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent < -4 || exponent >= p)
        {
            var mantissa = TrimZeros(sci[..ePos]);
            var sign = exponent < 0 ? '-' : '+';
            return $"{mantissa}e{sign}{Math.Abs(exponent):00}";
        }
        return TrimZeros(value.ToString("F" + (p - 1 - exponent), CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string s)
    {
        if (!s.Contains('.')) return s;
        s = s.TrimEnd('0');
        return s.EndsWith('.') ? s[..^1] : s;
    }
}
