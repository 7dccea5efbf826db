using System.Globalization;
using System.Text;

namespace Curation.Formats.Parquet.Json;

/// <summary>
/// The textual forms DuckDB's JSON export uses (measured against DuckDB 1.5.6): doubles in JavaScript's
/// shortest form with ".0" on integral values and no '+' in exponents, FLOAT widened to double first,
/// timestamps as "yyyy-MM-dd HH:mm:ss[.fraction]" with trailing zeros trimmed ("+00" when UTC-adjusted),
/// blobs with \xHH escapes for bytes outside printable ASCII and for '\' and '"'.
/// </summary>
public static class DuckDbJsonFormat
{
    /// <summary>The JSON number text of a double (NaN, Infinity and -Infinity bare, as DuckDB writes them).</summary>
    public static string Double(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "Infinity";
        if (double.IsNegativeInfinity(v)) return "-Infinity";
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        // "E16" is not shortest; "R" is, in the form d[.ddd]E±x.
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative) r = r[1..];
        int exp = 0;
        var e = r.IndexOf('E');
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        var dot = r.IndexOf('.');
        var digits = dot >= 0 ? r.Remove(dot, 1) : r;
        var pointPos = (dot >= 0 ? dot : r.Length) + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; pointPos--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var n = digits.Length;
        var sb = new StringBuilder(32);
        if (negative) sb.Append('-');
        if (pointPos >= n && pointPos <= 21) sb.Append(digits).Append('0', pointPos - n).Append(".0");
        else if (pointPos > 0 && pointPos <= 21) sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, n - pointPos);
        else if (pointPos > -6 && pointPos <= 0) sb.Append("0.").Append('0', -pointPos).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (n > 1) sb.Append('.').Append(digits, 1, n - 1);
            sb.Append('e').Append((pointPos - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>DuckDB's text for a TIMESTAMP (or TIMESTAMPTZ in UTC when <paramref name="value"/> is UTC).</summary>
    public static string Timestamp(DateTime value)
    {
        var s = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(value.Ticks % TimeSpan.TicksPerSecond);
        return value.Kind == DateTimeKind.Utc ? s + "+00" : s;
    }

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) =>
        value.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(value.Ticks % TimeSpan.TicksPerSecond);

    private static string Fraction(long ticks)
    {
        if (ticks == 0) return "";
        return "." + ticks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>DuckDB's BLOB-to-text form.</summary>
    public static string Blob(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 8);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F && b != (byte)'\\' && b != (byte)'"') sb.Append((char)b);
            else sb.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
