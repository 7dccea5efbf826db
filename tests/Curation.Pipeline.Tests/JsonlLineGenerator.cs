using System.Globalization;
using System.Text;

namespace Curation.Pipeline.Tests;

/// <summary>
/// Seeded random JSONL lines for differential tests of the record parsers: ordinary records with every kind of string
/// content, escape, number shape and nesting, plus mutated lines (truncated, flipped bytes, invalid UTF-8...).
/// </summary>
internal sealed class JsonlLineGenerator(int seed)
{
    private readonly Random _r = new(seed);

    private static readonly string[] Words = ["the", "whale", "naïve", "café", "中文", "日本語", "Ελληνικά", "русский", "😀", "𝄞", "a", "\u007f", "x"];
    private static readonly string[] Escapes = ["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u4E2D", "\\u0000", "\\u001f", "\\uD83D\\uDE00", "\\ud834\\udd1e", "\\u0041"];
    private static readonly string[] BadEscapes = ["\\ud800", "\\udc00", "\\ud800\\u0041", "\\uD83Dx", "\\ud800\\ud800", "\\x", "\\u12G4", "\\u12", "\t", "\u0001"];
    private static readonly string[] Numbers =
    [
        "0", "-0", "7", "-12", "123456789012345678", "-123456789012345678", "1234567890123456789", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "12345678901234567890123", "0.5", "-0.0",
        "3.14159", "1e5", "1E5", "1e+5", "1e-5", "-2.5E-3", "6.02214076e23", "1.7976931348623157e308", "5e-324", "1e-400",
        "0.1000000000000000055511151231257827021181583404541015625", "1.00000000000000011102230246251565404236316680908203125",
    ];
    private static readonly string[] BadNumbers = ["01", "-", "1.", ".5", "1e", "+1", "1e400", "--1", "0x10", "1.5e", "Infinity", "NaN"];
    private static readonly string[] Keys = ["domain", "score", "lang", "url", "tags", "n", "ключ", "键", "a b", "metadata", "id", "text"];

    /// <summary>A line as bytes; <paramref name="mutate"/> lets a fraction of lines be damaged.</summary>
    public byte[] Line(bool mutate)
    {
        var line = Encoding.UTF8.GetBytes(Record());
        return mutate && _r.Next(3) == 0 ? Mutate(line) : line;
    }

    private string Record()
    {
        var fields = new List<string>();
        var textMode = _r.Next(20);
        if (textMode > 1) fields.Add(Kv("text", Str(_r.Next(10) == 0 ? 4000 : 300)));
        else if (textMode == 1) fields.Add(Kv("text", Value(1)));
        switch (_r.Next(6))
        {
            case 0: break;
            case 1: fields.Add(Kv("id", Number())); break;
            case 2: fields.Add(Kv("id", _r.Next(2) == 0 ? "null" : Value(2))); break;
            default: fields.Add(Kv("id", Str(20))); break;
        }
        if (_r.Next(3) > 0) fields.Add(Kv("metadata", _r.Next(5) == 0 ? Value(1) : Object(1)));
        for (var n = _r.Next(5); n > 0; n--) fields.Add(Kv(Key(), Value(1)));
        if (_r.Next(15) == 0) fields.Add(Kv("te\\u0078t", Str(10))); // escaped key that means "text"
        if (_r.Next(15) == 0 && fields.Count > 0) fields.Add(fields[_r.Next(fields.Count)]); // duplicate key
        Shuffle(fields);
        return Ws() + "{" + Ws() + string.Join(Ws() + "," + Ws(), fields) + Ws() + "}" + Ws();
    }

    private string Kv(string key, string value) => "\"" + key + "\"" + Ws() + ":" + Ws() + value;

    private string Key() => _r.Next(20) == 0 ? Str(8) : Keys[_r.Next(Keys.Length)];

    private string Value(int depth)
    {
        var k = _r.Next(depth > 4 ? 5 : 8);
        return k switch
        {
            0 or 1 => Str(_r.Next(4) == 0 ? 120 : 12),
            2 => Number(),
            3 => _r.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            4 => _r.Next(30) == 0 ? BadNumbers[_r.Next(BadNumbers.Length)] : Number(),
            5 or 6 => Array(depth + 1),
            _ => Object(depth + 1),
        };
    }

    private string Number() => _r.Next(4) == 0
        ? (_r.NextDouble() * Math.Pow(10, _r.Next(-30, 30)) * (_r.Next(2) == 0 ? -1 : 1)).ToString("R", CultureInfo.InvariantCulture)
        : Numbers[_r.Next(Numbers.Length)];

    private string Array(int depth)
    {
        var items = Enumerable.Range(0, _r.Next(4)).Select(_ => Value(depth)).ToList();
        return "[" + Ws() + string.Join(Ws() + "," + Ws(), items) + Ws() + "]";
    }

    private string Object(int depth)
    {
        var items = Enumerable.Range(0, _r.Next(5)).Select(_ => Kv(Key(), Value(depth))).ToList();
        return "{" + Ws() + string.Join(Ws() + "," + Ws(), items) + Ws() + "}";
    }

    /// <summary>A JSON string literal of roughly <paramref name="maxLen"/> characters mixing every kind of content.</summary>
    private string Str(int maxLen)
    {
        var sb = new StringBuilder("\"");
        var target = _r.Next(maxLen + 1);
        while (sb.Length < target)
        {
            switch (_r.Next(12))
            {
                case 0: sb.Append(Escapes[_r.Next(Escapes.Length)]); break;
                case 1: sb.Append(Words[_r.Next(Words.Length)]); break;
                case 2 when _r.Next(40) == 0: sb.Append(BadEscapes[_r.Next(BadEscapes.Length)]); break;
                case 3: sb.Append(new string((char)_r.Next('a', 'z' + 1), _r.Next(1, 70))); break;
                default: sb.Append("word ").Append(_r.Next(1000)); break;
            }
        }
        return sb.Append('"').ToString();
    }

    private string Ws() => _r.Next(6) switch
    {
        0 => " ",
        1 when _r.Next(4) == 0 => _r.Next(4) switch { 0 => "\t", 1 => "\r", 2 => "\n", _ => " \t " },
        _ => "",
    };

    private byte[] Mutate(byte[] line)
    {
        var l = line.ToList();
        var at = _r.Next(l.Count + 1);
        switch (_r.Next(8))
        {
            case 0: return line[..at];
            case 1 when l.Count > 0: l[Math.Min(at, l.Count - 1)] = (byte)_r.Next(256); break;
            case 2 when l.Count > 0: l.RemoveAt(Math.Min(at, l.Count - 1)); break;
            case 3: l.InsertRange(at, InvalidUtf8[_r.Next(InvalidUtf8.Length)]); break;
            case 4: l.Insert(at, Structural[_r.Next(Structural.Length)]); break;
            case 5: l.AddRange(_r.Next(2) == 0 ? " x"u8.ToArray() : "{}"u8.ToArray()); break;
            case 6: l.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF }); break;
            default:
                // An invalid byte inside the text string specifically, where the fast path transcodes.
                var q = l.IndexOf((byte)'"', Math.Min(at, l.Count));
                if (q >= 0) l.InsertRange(q, InvalidUtf8[_r.Next(InvalidUtf8.Length)]);
                break;
        }
        return [.. l];
    }

    private static readonly byte[] Structural = "{}[],:\"\\ 0e-"u8.ToArray();

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
    ];

    private void Shuffle(List<string> l)
    {
        for (var i = l.Count - 1; i > 0; i--)
        {
            var j = _r.Next(i + 1);
            (l[i], l[j]) = (l[j], l[i]);
        }
    }
}
