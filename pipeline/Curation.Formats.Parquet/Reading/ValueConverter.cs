using System.Buffers.Binary;
using System.Numerics;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Schema;

namespace Curation.Formats.Parquet.Reading;

/// <summary>
/// Turns a leaf's stored value into the CLR value a row reader returns, following the logical type:
/// string for STRING/ENUM/JSON, DateOnly for DATE, DateTime (UTC) for TIMESTAMP and INT96, TimeOnly for
/// TIME, decimal for DECIMAL (string when it does not fit), Guid for UUID, Half for FLOAT16, unsigned
/// and narrow integers for INTEGER annotations, byte[] for other binary.
/// </summary>
public static class ValueConverter
{
    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly EpochDate = new(1970, 1, 1);

    /// <summary>A converter for values of <paramref name="leaf"/>.</summary>
    public static Func<ColumnData, int, object?> For(SchemaNode leaf)
    {
        var el = leaf.Element;
        var lt = el.LogicalType;
        var ct = el.ConvertedType;
        switch (el.Type)
        {
            case PhysicalType.Boolean: return (c, i) => c.Bools[i];
            case PhysicalType.Int32:
                if (lt?.Kind == LogicalTypeKind.Date || ct == ConvertedType.Date) return (c, i) => FromDays(c.Ints[i]);
                if (lt?.Kind == LogicalTypeKind.Decimal || ct == ConvertedType.Decimal) { var s = Scale(el); return (c, i) => ScaleDecimal(c.Ints[i], s); }
                if (lt?.Kind == LogicalTypeKind.Time || ct == ConvertedType.TimeMillis) return (c, i) => FromTimeTicks(c.Ints[i], c.Ints[i] * TimeSpan.TicksPerMillisecond);
                return IntegerKind(el) switch
                {
                    (8, true) => (c, i) => (sbyte)c.Ints[i],
                    (16, true) => (c, i) => (short)c.Ints[i],
                    (8, false) => (c, i) => (byte)c.Ints[i],
                    (16, false) => (c, i) => (ushort)c.Ints[i],
                    (32, false) => (c, i) => (uint)c.Ints[i],
                    _ => (c, i) => c.Ints[i],
                };
            case PhysicalType.Int64:
                if (lt?.Kind == LogicalTypeKind.Timestamp || ct is ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
                {
                    var unit = lt?.Unit ?? (ct == ConvertedType.TimestampMillis ? TimeUnit.Millis : TimeUnit.Micros);
                    var utc = lt?.IsAdjustedToUtc ?? false;
                    return (c, i) => FromEpoch(c.Longs[i], unit, utc);
                }
                if (lt?.Kind == LogicalTypeKind.Time || ct == ConvertedType.TimeMicros)
                {
                    var unit = lt?.Unit ?? TimeUnit.Micros;
                    return (c, i) => FromTimeTicks(c.Longs[i], Ticks(c.Longs[i], unit));
                }
                if (lt?.Kind == LogicalTypeKind.Decimal || ct == ConvertedType.Decimal) { var s = Scale(el); return (c, i) => ScaleDecimal(c.Longs[i], s); }
                return IntegerKind(el) is (64, false) ? (c, i) => (ulong)c.Longs[i] : (c, i) => c.Longs[i];
            case PhysicalType.Int96: return (c, i) => FromInt96(c.GetBytes(i)) ?? (object)c.GetBytes(i).ToArray();
            case PhysicalType.Float: return (c, i) => c.Floats[i];
            case PhysicalType.Double: return (c, i) => c.Doubles[i];
            default:
                if (IsText(el)) return (c, i) => c.GetString(i);
                if (lt?.Kind == LogicalTypeKind.Decimal || ct == ConvertedType.Decimal) { var s = Scale(el); return (c, i) => BigEndianDecimal(c.GetBytes(i), s); }
                if (lt?.Kind == LogicalTypeKind.Uuid && el.TypeLength == 16) return (c, i) => new Guid(c.GetBytes(i), bigEndian: true);
                if (lt?.Kind == LogicalTypeKind.Float16 && el.TypeLength == 2) return (c, i) => BinaryPrimitives.ReadHalfLittleEndian(c.GetBytes(i));
                return (c, i) => c.GetBytes(i).ToArray();
        }
    }

    /// <summary>True when a byte-array leaf holds UTF-8 text.</summary>
    public static bool IsText(SchemaElement el) =>
        el.Type == PhysicalType.ByteArray &&
        (el.LogicalType?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json ||
         el.ConvertedType is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json);

    private static int Scale(SchemaElement el) => el.LogicalType?.Kind == LogicalTypeKind.Decimal ? el.LogicalType.Scale : el.Scale;

    private static (int Bits, bool Signed) IntegerKind(SchemaElement el)
    {
        if (el.LogicalType is { Kind: LogicalTypeKind.Integer } lt) return (lt.BitWidth, lt.IsSigned);
        return el.ConvertedType switch
        {
            ConvertedType.Int8 => (8, true), ConvertedType.Int16 => (16, true),
            ConvertedType.Uint8 => (8, false), ConvertedType.Uint16 => (16, false),
            ConvertedType.Uint32 => (32, false), ConvertedType.Uint64 => (64, false),
            _ => (0, true),
        };
    }

    /// <summary>Dates outside DateOnly's range (DuckDB allows them) stay as their day number.</summary>
    private static object FromDays(int days)
    {
        var n = (long)EpochDate.DayNumber + days;
        return n is >= 0 and <= 3_652_058 ? DateOnly.FromDayNumber((int)n) : days;
    }

    private static object FromTimeTicks(long raw, long ticks) => ticks is >= 0 and < TimeSpan.TicksPerDay ? new TimeOnly(ticks) : raw;

    private static long Ticks(long v, TimeUnit unit) => unit switch
    {
        TimeUnit.Millis => v is > long.MaxValue / TimeSpan.TicksPerMillisecond or < long.MinValue / TimeSpan.TicksPerMillisecond ? long.MaxValue : v * TimeSpan.TicksPerMillisecond,
        TimeUnit.Micros => v is > long.MaxValue / 10 or < long.MinValue / 10 ? long.MaxValue : v * 10,
        _ => v / 100,
    };

    private static object FromEpoch(long v, TimeUnit unit, bool utc)
    {
        var ticks = Ticks(v, unit);
        var min = DateTime.MinValue.Ticks - UnixEpoch.Ticks;
        var max = DateTime.MaxValue.Ticks - UnixEpoch.Ticks;
        return ticks < min || ticks > max ? v : new DateTime(UnixEpoch.Ticks + ticks, utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);
    }

    /// <summary>An INT96 timestamp (nanoseconds of day, Julian day); null when outside DateTime's range.</summary>
    private static DateTime? FromInt96(ReadOnlySpan<byte> b)
    {
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(b);
        var julian = BinaryPrimitives.ReadInt32LittleEndian(b.Slice(8));
        const int JulianUnixEpoch = 2440588;
        var days = (long)julian - JulianUnixEpoch;
        var ticks = days * TimeSpan.TicksPerDay + nanos / 100;
        return ticks < DateTime.MinValue.Ticks - UnixEpoch.Ticks || ticks > DateTime.MaxValue.Ticks - UnixEpoch.Ticks
            ? null : new DateTime(UnixEpoch.Ticks + ticks, DateTimeKind.Unspecified);
    }

    private static object ScaleDecimal(long unscaled, int scale) => ToDecimal(new BigInteger(unscaled), scale);

    private static object BigEndianDecimal(ReadOnlySpan<byte> bytes, int scale) =>
        ToDecimal(new BigInteger(bytes, isUnsigned: false, isBigEndian: true), scale);

    /// <summary>An exact System.Decimal keeping the declared scale (so 12.30 stays 12.30), or exact text when it does not fit.</summary>
    private static object ToDecimal(BigInteger unscaled, int scale)
    {
        var magnitude = BigInteger.Abs(unscaled);
        if (scale is < 0 or > 28 || magnitude.GetBitLength() > 96) return DecimalText(unscaled, scale);
        Span<byte> le = stackalloc byte[12];
        le.Clear();
        magnitude.TryWriteBytes(le, out _, isUnsigned: true, isBigEndian: false);
        return new decimal(BinaryPrimitives.ReadInt32LittleEndian(le), BinaryPrimitives.ReadInt32LittleEndian(le.Slice(4)),
            BinaryPrimitives.ReadInt32LittleEndian(le.Slice(8)), unscaled.Sign < 0, (byte)scale);
    }

    /// <summary>Exact text of an unscaled decimal that does not fit System.Decimal.</summary>
    private static string DecimalText(BigInteger unscaled, int scale)
    {
        var digits = BigInteger.Abs(unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        return unscaled.Sign < 0 ? "-" + digits : digits;
    }
}
