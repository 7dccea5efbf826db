using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet.Json;

/// <summary>
/// Lossless Parquet → JSON rows, as DuckDB's JSON export writes them: one object per row, every column
/// in schema order, LIST as arrays, STRUCT and MAP as objects, NULL as null, 64-bit integers exact,
/// doubles in their shortest round-trippable form.
/// </summary>
public static class ParquetJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes every row of <paramref name="parquetPath"/> (or the projected columns) as JSON Lines; returns the row count.</summary>
    public static long WriteJsonLines(string parquetPath, Stream output, IReadOnlyList<string>? columns = null)
    {
        using var reader = ParquetFileReader.Open(parquetPath);
        return WriteJsonLines(reader, output, columns);
    }

    /// <summary>Writes the rows of an open reader as JSON Lines; returns the row count.</summary>
    public static long WriteJsonLines(ParquetFileReader reader, Stream output, IReadOnlyList<string>? columns = null)
    {
        var fields = reader.ResolveFields(columns);
        var names = fields.Select(f => f.Name).ToArray();
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        long rows = 0;
        foreach (var row in reader.ReadRows(names))
        {
            WriteRow(writer, names, row);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset(output);
            rows++;
        }
        return rows;
    }

    /// <summary>Writes one row object.</summary>
    public static void WriteRow(Utf8JsonWriter writer, IReadOnlyList<string> names, IReadOnlyList<object?> values)
    {
        writer.WriteStartObject();
        for (var i = 0; i < names.Count; i++)
        {
            writer.WritePropertyName(names[i]);
            WriteValue(writer, values[i]);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes one value as DuckDB's JSON export would.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: WriteString(writer, s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteRawValue(DuckDbJsonFormat.Double(d), skipInputValidation: true); break;
            case float f: writer.WriteRawValue(DuckDbJsonFormat.Double(f), skipInputValidation: true); break;
            case decimal m: writer.WriteRawValue(m.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case sbyte or short or byte or ushort or uint: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case Half h: writer.WriteRawValue(DuckDbJsonFormat.Double((double)h), skipInputValidation: true); break;
            case DateTime t: WriteString(writer, DuckDbJsonFormat.Timestamp(t)); break;
            case DateOnly d: WriteString(writer, DuckDbJsonFormat.Date(d)); break;
            case TimeOnly t: WriteString(writer, DuckDbJsonFormat.Time(t)); break;
            case Guid g: WriteString(writer, g.ToString("D")); break;
            case byte[] bytes: WriteString(writer, DuckDbJsonFormat.Blob(bytes)); break;
            case BigInteger bi: writer.WriteRawValue(bi.ToString(CultureInfo.InvariantCulture), skipInputValidation: true); break;
            case ParquetStruct st:
                writer.WriteStartObject();
                foreach (var (k, v) in st)
                {
                    writer.WritePropertyName(k);
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case ParquetMap map:
                writer.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    writer.WritePropertyName(KeyText(k));
                    WriteValue(writer, v);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IList list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new NotSupportedException($"no JSON form for a {value.GetType().Name} value");
        }
    }

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    /// <summary>
    /// Strings are escaped as DuckDB (yyjson) does: only '"', '\' and control characters; everything
    /// else, including non-ASCII and supplementary characters, is written as UTF-8.
    /// </summary>
    private static void WriteString(Utf8JsonWriter writer, string s)
    {
        var needs = false;
        foreach (var c in s) if (c < 0x20 || c == '"' || c == '\\') { needs = true; break; }
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        if (!needs) sb.Append(s);
        else
        {
            foreach (var c in s)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                    default: sb.Append(c); break;
                }
            }
        }
        sb.Append('"');
        writer.WriteRawValue(Encoding.UTF8.GetBytes(sb.ToString()), skipInputValidation: true);
    }
}
