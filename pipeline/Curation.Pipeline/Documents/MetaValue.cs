using System.Globalization;
using System.Text.Json;

namespace Curation.Pipeline.Documents;

/// <summary>The kind of a metadata value.</summary>
public enum MetaKind : byte
{
    Null,
    Bool,
    Long,
    Double,
    String,
    /// <summary>An array or object, kept as its exact JSON text so nothing is lost in a round trip.</summary>
    Json,
}

/// <summary>A typed metadata value: null, bool, 64-bit integer, double, string, or nested JSON.</summary>
public readonly struct MetaValue : IEquatable<MetaValue>
{
    private readonly long _bits;
    private readonly string? _text;

    private MetaValue(MetaKind kind, long bits, string? text)
    {
        Kind = kind;
        _bits = bits;
        _text = text;
    }

    public MetaKind Kind { get; }

    public static MetaValue Null => default;

    public static MetaValue From(bool v) => new(MetaKind.Bool, v ? 1 : 0, null);

    public static MetaValue From(long v) => new(MetaKind.Long, v, null);

    public static MetaValue From(double v) => new(MetaKind.Double, BitConverter.DoubleToInt64Bits(v), null);

    public static MetaValue From(string? v) => v is null ? Null : new(MetaKind.String, 0, v);

    /// <summary>An array or object given as JSON text (not validated here; readers pass what they parsed).</summary>
    public static MetaValue FromJson(string json) => new(MetaKind.Json, 0, json);

    public static implicit operator MetaValue(bool v) => From(v);
    public static implicit operator MetaValue(long v) => From(v);
    public static implicit operator MetaValue(int v) => From(v);
    public static implicit operator MetaValue(double v) => From(v);
    public static implicit operator MetaValue(string? v) => From(v);

    public bool IsNull => Kind == MetaKind.Null;

    public bool AsBool => Kind == MetaKind.Bool ? _bits != 0 : throw Mismatch(MetaKind.Bool);

    public long AsLong => Kind == MetaKind.Long ? _bits : throw Mismatch(MetaKind.Long);

    /// <summary>The value as a double; integers widen.</summary>
    public double AsDouble => Kind switch
    {
        MetaKind.Double => BitConverter.Int64BitsToDouble(_bits),
        MetaKind.Long => _bits,
        _ => throw Mismatch(MetaKind.Double),
    };

    public string AsString => Kind == MetaKind.String ? _text! : throw Mismatch(MetaKind.String);

    public string AsJson => Kind == MetaKind.Json ? _text! : throw Mismatch(MetaKind.Json);

    /// <summary>True for Long and Double.</summary>
    public bool IsNumber => Kind is MetaKind.Long or MetaKind.Double;

    /// <summary>Writes the value as JSON.</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        switch (Kind)
        {
            case MetaKind.Null: w.WriteNullValue(); break;
            case MetaKind.Bool: w.WriteBooleanValue(_bits != 0); break;
            case MetaKind.Long: w.WriteNumberValue(_bits); break;
            case MetaKind.Double:
                var d = BitConverter.Int64BitsToDouble(_bits);
                // JSON has no NaN/Infinity; null is what Python's json (allow_nan aside) and DuckDB readers accept.
                if (double.IsFinite(d)) w.WriteNumberValue(d); else w.WriteNullValue();
                break;
            case MetaKind.String: w.WriteStringValue(_text); break;
            case MetaKind.Json: w.WriteRawValue(_text!, skipInputValidation: true); break;
        }
    }

    /// <summary>Reads one JSON value at the reader's current token.</summary>
    public static MetaValue Read(ref Utf8JsonReader r)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null: return Null;
            case JsonTokenType.True: return From(true);
            case JsonTokenType.False: return From(false);
            case JsonTokenType.String: return From(r.GetString());
            case JsonTokenType.Number:
                if (r.TryGetInt64(out var l)) return From(l);
                return From(r.GetDouble());
            case JsonTokenType.StartArray:
            case JsonTokenType.StartObject:
                using (var doc = JsonDocument.ParseValue(ref r))
                    return FromJson(doc.RootElement.GetRawText());
            default:
                throw new JsonException($"unexpected token {r.TokenType}");
        }
    }

    public override string ToString() => Kind switch
    {
        MetaKind.Null => "null",
        MetaKind.Bool => _bits != 0 ? "true" : "false",
        MetaKind.Long => _bits.ToString(CultureInfo.InvariantCulture),
        MetaKind.Double => AsDouble.ToString("R", CultureInfo.InvariantCulture),
        _ => _text!,
    };

    public bool Equals(MetaValue other) => Kind == other.Kind && _bits == other._bits && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is MetaValue o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _text);

    public static bool operator ==(MetaValue a, MetaValue b) => a.Equals(b);
    public static bool operator !=(MetaValue a, MetaValue b) => !a.Equals(b);

    private InvalidOperationException Mismatch(MetaKind wanted) => new($"metadata value is {Kind}, not {wanted}");
}
