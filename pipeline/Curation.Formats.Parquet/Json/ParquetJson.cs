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
        // DuckDB exports a JSON-typed column as the JSON value itself, not as a string.
        var isJson = fields.Select(f => f.IsLeaf && f.Element.Type == Meta.PhysicalType.ByteArray &&
            (f.Element.LogicalType?.Kind == Meta.LogicalTypeKind.Json || f.Element.ConvertedType == Meta.ConvertedType.Json)).ToArray();
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        long rows = 0;
        foreach (var row in reader.ReadRows(names))
        {
            for (var i = 0; i < isJson.Length; i++)
                if (isJson[i] && row[i] is string text) row[i] = new JsonText(text);
            WriteRow(writer, names, row);
            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset(output);
            rows++;
        }
        return rows;
    }

    /// <summary>The JSON text of one value (nested values as arrays/objects), e.g. to keep a STRUCT column as a JSON metadata value.</summary>
    public static string ToJson(object? value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) WriteValue(writer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
            case JsonText j: WriteJsonText(writer, j.Text); break;
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

    /// <summary>Re-emits JSON text the way DuckDB does (parsed, compact, numbers normalised); invalid JSON stays a string.</summary>
    private static void WriteJsonText(Utf8JsonWriter writer, string text)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 }); }
        catch (JsonException)
        {
            WriteString(writer, text);
            return;
        }
        using (doc) WriteElement(writer, doc.RootElement);
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    writer.WritePropertyName(p.Name);
                    WriteElement(writer, p.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WriteElement(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String: WriteString(writer, e.GetString()!); break;
            case JsonValueKind.Number:
                var raw = e.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && e.TryGetInt64(out var l)) writer.WriteNumberValue(l);
                else if (raw.AsSpan().IndexOfAny(".eE") < 0 && e.TryGetUInt64(out var u)) writer.WriteNumberValue(u);
                else writer.WriteRawValue(DuckDbJsonFormat.Double(e.GetDouble()), skipInputValidation: true);
                break;
            case JsonValueKind.True: writer.WriteBooleanValue(true); break;
            case JsonValueKind.False: writer.WriteBooleanValue(false); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>A value from a JSON-annotated column, written as JSON rather than as a string.</summary>
    private sealed record JsonText(string Text);

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    private static readonly System.Buffers.SearchValues<char> NeedsEscape = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    [ThreadStatic] private static byte[]? _stringBuffer;

    /// <summary>
    /// Strings are escaped as DuckDB (yyjson) does: only '"', '\' and control characters; everything
    /// else, including non-ASCII and supplementary characters, is written as UTF-8.
    /// </summary>
    private static void WriteString(Utf8JsonWriter writer, string s)
    {
        var worst = (long)s.Length * 6 + 2;
        if (worst > Array.MaxLength) throw new InvalidOperationException("string value too large for JSON output");
        var buffer = _stringBuffer;
        if (buffer is null || buffer.Length < worst) _stringBuffer = buffer = new byte[Math.Max(worst, 4096)];
        var pos = 0;
        buffer[pos++] = (byte)'"';
        var rest = s.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(NeedsEscape);
            var run = i < 0 ? rest : rest[..i];
            pos += Encoding.UTF8.GetBytes(run, buffer.AsSpan(pos));
            if (i < 0) break;
            var c = rest[i];
            var escape = c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\b' => "\\b", '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            };
            foreach (var e in escape) buffer[pos++] = (byte)e;
            rest = rest[(i + 1)..];
        }
        buffer[pos++] = (byte)'"';
        writer.WriteRawValue(buffer.AsSpan(0, pos), skipInputValidation: true);
    }
}
