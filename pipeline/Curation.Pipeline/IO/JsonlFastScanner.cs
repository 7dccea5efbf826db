using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.IO;

/// <summary>
/// A single-pass scanner for one JSONL line that builds the same <see cref="Document"/> as
/// <see cref="JsonlRecordParser.TryParseReference"/> for every record it accepts. It validates as strictly as the
/// reference (UTF-8, JSON grammar outside and inside strings, trailing data) but reports no errors: whenever it meets
/// anything unusual or wrong it answers "not handled" and the reference re-parses the line, so error kinds and
/// messages come from one place only.
/// </summary>
public sealed class JsonlFastScanner
{
    /// <summary>
    /// Nested values deeper than this are left to the reference, whose reader has its own depth limit (64); staying
    /// well below it means the scanner never accepts what the reference would reject for depth.
    /// </summary>
    private const int MaxNestedDepth = 32;

    /// <summary>The decode buffer is kept between records up to this size (32 MB of chars).</summary>
    private const int MaxKeptChars = 1 << 24;

    private static readonly byte[] MetadataKey = "metadata"u8.ToArray();

    private readonly byte[] _textKey;
    private readonly byte[] _idKey;
    private readonly StringCache _keys = new(64);
    private readonly StringCache _values = new(256);
    private char[] _chars = new char[1024];
    private KeyValuePair<string, MetaValue>[] _meta = new KeyValuePair<string, MetaValue>[16];
    private int _metaCount;

    public JsonlFastScanner(string textKey = "text", string idKey = "id")
    {
        _textKey = Encoding.UTF8.GetBytes(textKey);
        _idKey = Encoding.UTF8.GetBytes(idKey);
    }

    /// <summary>Parses <paramref name="line"/> into <paramref name="document"/>; false means "not handled here".</summary>
    public bool TryParse(ReadOnlySpan<byte> line, FallbackId fallbackId, SourceRef source, out Document? document)
    {
        _metaCount = 0;
        var handled = TryParseCore(line, fallbackId, source, out document);
        // Drop references to this record's strings so the reused array does not keep them alive.
        Array.Clear(_meta, 0, _metaCount);
        // One huge record must not pin a huge buffer for the rest of the file.
        if (_chars.Length > MaxKeptChars) _chars = new char[1024];
        return handled;
    }

    private bool TryParseCore(ReadOnlySpan<byte> s, FallbackId fallbackId, SourceRef source, out Document? document)
    {
        document = null;
        if (_chars.Length < s.Length) _chars = new char[Math.Max(s.Length, _chars.Length * 2)];
        string? text = null, id = null;
        var i = SkipWs(s, 0);
        if (i >= s.Length || s[i] != '{') return false;
        i = SkipWs(s, i + 1);
        while (true)
        {
            if (!TryPlainKey(s, ref i, out var key)) return false;
            if (key.SequenceEqual(_textKey))
            {
                if (s[i] == '"')
                {
                    i++;
                    if (!TryString(s, ref i, out text)) return false;
                }
                // Like the reference, a non-string text is skipped: an earlier or later string text still counts,
                // and without one the reference reports text_not_string.
                else if (!TrySkipValue(s, ref i, 0)) return false;
            }
            else if (key.SequenceEqual(_idKey))
            {
                if (!TryId(s, ref i, out id)) return false;
            }
            else if (key.SequenceEqual(MetadataKey))
            {
                if (s[i] == '{')
                {
                    if (!TryMetadataObject(s, ref i)) return false;
                }
                else
                {
                    if (!TryValue(s, ref i, out var v)) return false;
                    AddMeta("metadata", v);
                }
            }
            else
            {
                var k = _keys.Get(key);
                if (k is null || !TryValue(s, ref i, out var v)) return false;
                AddMeta(k, v);
            }
            i = SkipWs(s, i);
            if (i >= s.Length) return false;
            if (s[i] == '}') break;
            if (s[i] != ',') return false;
            i = SkipWs(s, i + 1);
        }
        if (SkipWs(s, i + 1) != s.Length || text is null) return false;
        var meta = _metaCount == 0 ? Metadata.Empty : Metadata.FromPairs(_meta.AsSpan(0, _metaCount));
        document = new Document(id ?? fallbackId.ToString(), text, meta, source);
        return true;
    }

    /// <summary>Reads <c>"key"</c> and the colon after it, leaving <paramref name="i"/> on the value's first byte.</summary>
    private static bool TryPlainKey(ReadOnlySpan<byte> s, ref int i, out ReadOnlySpan<byte> key)
    {
        key = default;
        // Escaped keys are rare and would need unescaping before comparing: left to the reference.
        if (i >= s.Length || s[i] != '"' || !JsonStringDecoder.TryFindPlainEnd(s, i + 1, out var end)) return false;
        key = s[(i + 1)..end];
        i = SkipWs(s, end + 1);
        if (i >= s.Length || s[i] != ':') return false;
        i = SkipWs(s, i + 1);
        return i < s.Length;
    }

    private bool TryMetadataObject(ReadOnlySpan<byte> s, ref int i)
    {
        i = SkipWs(s, i + 1);
        if (i < s.Length && s[i] == '}')
        {
            i++;
            return true;
        }
        while (true)
        {
            if (!TryPlainKey(s, ref i, out var key)) return false;
            var k = _keys.Get(key);
            if (k is null || !TryValue(s, ref i, out var v)) return false;
            AddMeta(k, v);
            i = SkipWs(s, i);
            if (i >= s.Length) return false;
            if (s[i] == '}')
            {
                i++;
                return true;
            }
            if (s[i] != ',') return false;
            i = SkipWs(s, i + 1);
        }
    }

    /// <summary>The id as the reference reads it: a string, a number's text, or null for anything else.</summary>
    private bool TryId(ReadOnlySpan<byte> s, ref int i, out string? id)
    {
        id = null;
        var b = s[i];
        if (b == '"')
        {
            i++;
            return TryString(s, ref i, out id);
        }
        if (b == '-' || (uint)(b - '0') <= 9)
        {
            var start = i;
            if (!TryNumber(s, ref i, out _)) return false;
            id = Encoding.UTF8.GetString(s[start..i]);
            return true;
        }
        return TrySkipValue(s, ref i, 0);
    }

    private bool TryValue(ReadOnlySpan<byte> s, ref int i, out MetaValue value)
    {
        value = default;
        switch (s[i])
        {
            case (byte)'"':
                i++;
                // Short escape-free values repeat across records (domain, license, lang): served from the cache.
                if (JsonStringDecoder.TryFindPlainEnd(s, i, out var end) && end - i <= 64)
                {
                    var cached = _values.Get(s[i..end]);
                    if (cached is null) return false;
                    i = end + 1;
                    value = MetaValue.From(cached);
                    return true;
                }
                if (!TryString(s, ref i, out var str)) return false;
                value = MetaValue.From(str);
                return true;
            case (byte)'{':
            case (byte)'[':
                // Kept as the exact JSON text, as the reference does.
                var start = i;
                if (!TrySkipValue(s, ref i, 0)) return false;
                value = MetaValue.FromJson(Encoding.UTF8.GetString(s[start..i]));
                return true;
            case (byte)'t':
            case (byte)'f':
            case (byte)'n':
                return TryLiteral(s, ref i, out value);
            default:
                var numStart = i;
                if (!TryNumber(s, ref i, out var isInteger)) return false;
                return TryNumberValue(s[numStart..i], isInteger, out value);
        }
    }

    /// <summary>Converts a grammatically valid number exactly as the reference does: Int64 if it fits, else a finite double.</summary>
    private static bool TryNumberValue(ReadOnlySpan<byte> n, bool isInteger, out MetaValue value)
    {
        if (isInteger && n.Length <= 18)
        {
            // At most 18 digits always fits in a long: no overflow check needed.
            var neg = n[0] == '-';
            long v = 0;
            for (var k = neg ? 1 : 0; k < n.Length; k++) v = v * 10 + (n[k] - '0');
            value = MetaValue.From(neg ? -v : v);
            return true;
        }
        if (Utf8Parser.TryParse(n, out long l, out var used) && used == n.Length)
        {
            value = MetaValue.From(l);
            return true;
        }
        // Non-finite results (1e999) make the reference's reader throw: left to it.
        if (Utf8Parser.TryParse(n, out double d, out used) && used == n.Length && double.IsFinite(d))
        {
            value = MetaValue.From(d);
            return true;
        }
        value = default;
        return false;
    }

    private static bool TryLiteral(ReadOnlySpan<byte> s, ref int i, out MetaValue value)
    {
        var rest = s[i..];
        if (rest.StartsWith("true"u8)) { value = MetaValue.From(true); i += 4; return true; }
        if (rest.StartsWith("false"u8)) { value = MetaValue.From(false); i += 5; return true; }
        value = MetaValue.Null;
        if (rest.StartsWith("null"u8)) { i += 4; return true; }
        return false;
    }

    /// <summary>Checks the JSON number grammar (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>) and moves past it.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> s, ref int i, out bool isInteger)
    {
        isInteger = true;
        var p = i;
        if (p < s.Length && s[p] == '-') p++;
        if (p >= s.Length) return false;
        if (s[p] == '0') p++;
        else if ((uint)(s[p] - '1') <= 8) p = SkipDigits(s, p + 1);
        else return false;
        if (p < s.Length && s[p] == '.')
        {
            isInteger = false;
            var q = SkipDigits(s, p + 1);
            if (q == p + 1) return false;
            p = q;
        }
        if (p < s.Length && (s[p] | 0x20) == 'e')
        {
            isInteger = false;
            p++;
            if (p < s.Length && (s[p] == '+' || s[p] == '-')) p++;
            var q = SkipDigits(s, p);
            if (q == p) return false;
            p = q;
        }
        i = p;
        return true;
    }

    private static int SkipDigits(ReadOnlySpan<byte> s, int p)
    {
        while (p < s.Length && (uint)(s[p] - '0') <= 9) p++;
        return p;
    }

    /// <summary>Validates any JSON value without building it, leaving <paramref name="i"/> just past it.</summary>
    private static bool TrySkipValue(ReadOnlySpan<byte> s, ref int i, int depth)
    {
        if (i >= s.Length) return false;
        switch (s[i])
        {
            case (byte)'"':
                i++;
                return JsonStringDecoder.TrySkip(s, ref i);
            case (byte)'{':
            case (byte)'[':
                if (depth >= MaxNestedDepth) return false;
                var close = s[i] == '{' ? (byte)'}' : (byte)']';
                i = SkipWs(s, i + 1);
                if (i < s.Length && s[i] == close)
                {
                    i++;
                    return true;
                }
                while (true)
                {
                    if (close == '}')
                    {
                        if (i >= s.Length || s[i] != '"') return false;
                        i++;
                        if (!JsonStringDecoder.TrySkip(s, ref i)) return false;
                        i = SkipWs(s, i);
                        if (i >= s.Length || s[i] != ':') return false;
                        i = SkipWs(s, i + 1);
                    }
                    if (!TrySkipValue(s, ref i, depth + 1)) return false;
                    i = SkipWs(s, i);
                    if (i >= s.Length) return false;
                    if (s[i] == close)
                    {
                        i++;
                        return true;
                    }
                    if (s[i] != ',') return false;
                    i = SkipWs(s, i + 1);
                }
            case (byte)'t':
            case (byte)'f':
            case (byte)'n':
                return TryLiteral(s, ref i, out _);
            default:
                return TryNumber(s, ref i, out _);
        }
    }

    private bool TryString(ReadOnlySpan<byte> s, ref int i, out string? value)
    {
        value = null;
        if (!JsonStringDecoder.TryDecode(s, ref i, _chars, out var n)) return false;
        value = n == 0 ? string.Empty : new string(_chars, 0, n);
        return true;
    }

    private void AddMeta(string key, MetaValue value)
    {
        if (_metaCount == _meta.Length) Array.Resize(ref _meta, _meta.Length * 2);
        _meta[_metaCount++] = new(key, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWs(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') i++;
        return i;
    }
}
