using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.IO;

/// <summary>
/// Parses one JSONL line into a <see cref="Document"/> with datatrove's conventions: <c>text</c> and <c>id</c> under
/// configurable keys, a <c>metadata</c> object's entries plus every other top-level key as metadata.
/// </summary>
public sealed class JsonlRecordParser(string textKey = "text", string idKey = "id")
{
    private readonly byte[] _textKey = Encoding.UTF8.GetBytes(textKey);
    private readonly byte[] _idKey = Encoding.UTF8.GetBytes(idKey);
    private static readonly byte[] MetadataKey = "metadata"u8.ToArray();

    // Records of one file repeat the same keys and many of the same values (domain, license, lang): reusing the
    // strings instead of allocating them per record roughly halves the parser's allocation rate.
    private readonly StringCache _keys = new(64);
    private readonly StringCache _values = new(256);
    private readonly JsonlFastScanner _fast = new(textKey, idKey);

    public string TextKey { get; } = textKey;
    public string IdKey { get; } = idKey;

    /// <summary>Records the fast scanner handled (the rest went to the reference); lets tests and benchmarks see it is taken.</summary>
    public long FastPathRecords { get; private set; }

    /// <summary>Parses <paramref name="line"/>; on failure returns a <see cref="MalformedRecord"/> kind and message instead.</summary>
    public bool TryParse(ReadOnlySpan<byte> line, FallbackId fallbackId, SourceRef source, out Document? document, out string? errorKind, out string? errorMessage)
    {
        if (_fast.TryParse(line, fallbackId, source, out document))
        {
            FastPathRecords++;
            errorKind = null;
            errorMessage = null;
            return true;
        }
        return TryParseReference(line, fallbackId, source, out document, out errorKind, out errorMessage);
    }

    /// <summary>
    /// The reference parser (<see cref="Utf8JsonReader"/>): what <see cref="TryParse"/> falls back to for every line
    /// the fast scanner does not accept, and the oracle the scanner is tested against.
    /// </summary>
    public bool TryParseReference(ReadOnlySpan<byte> line, FallbackId fallbackId, SourceRef source, out Document? document, out string? errorKind, out string? errorMessage)
    {
        document = null;
        errorKind = null;
        errorMessage = null;
        if (!Utf8.IsValid(line))
        {
            errorKind = MalformedKinds.InvalidUtf8;
            errorMessage = $"invalid UTF-8 at byte {Utf8ErrorOffset(line)} of the line";
            return false;
        }
        string? text = null, id = null;
        var textWasNotString = false;
        List<KeyValuePair<string, MetaValue>>? meta = null;
        List<string>? keys = null;
        try
        {
            var r = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                errorKind = MalformedKinds.NotAnObject;
                errorMessage = "a JSONL record must be a JSON object";
                return false;
            }
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals(_textKey))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.String) text = r.GetString();
                    else { textWasNotString = true; r.Skip(); }
                }
                else if (r.ValueTextEquals(_idKey))
                {
                    r.Read();
                    id = r.TokenType switch
                    {
                        JsonTokenType.String => r.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(r.HasValueSequence ? r.ValueSequence.ToArray() : r.ValueSpan),
                        _ => null,
                    };
                    if (r.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject) r.Skip();
                }
                else if (r.ValueTextEquals(MetadataKey))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.StartObject)
                    {
                        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                        {
                            var k = _keys.Get(ref r);
                            r.Read();
                            (meta ??= []).Add(new(k, ReadValue(ref r, line)));
                            (keys ??= []).Add("metadata." + k);
                        }
                    }
                    else
                    {
                        (meta ??= []).Add(new("metadata", ReadValue(ref r, line)));
                    }
                }
                else
                {
                    var k = _keys.Get(ref r);
                    r.Read();
                    (meta ??= []).Add(new(k, ReadValue(ref r, line)));
                    (keys ??= []).Add(k);
                }
            }
            if (r.TokenType != JsonTokenType.EndObject || r.Read())
            {
                errorKind = MalformedKinds.InvalidJson;
                errorMessage = "trailing data after the JSON object";
                return false;
            }
        }
        catch (JsonException e)
        {
            errorKind = MalformedKinds.InvalidJson;
            errorMessage = $"invalid JSON at byte {e.BytePositionInLine}: {FirstSentence(e.Message)}";
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Valid JSON whose string escapes are not valid UTF-16 (a lone surrogate such as "\ud800"): the text
            // cannot be represented, so the record is quarantined rather than silently altered.
            errorKind = MalformedKinds.InvalidUnicode;
            errorMessage = "invalid Unicode escape in a string: " + FirstSentence(e.Message);
            return false;
        }
        if (text is null)
        {
            errorKind = textWasNotString ? MalformedKinds.TextNotString : MalformedKinds.MissingText;
            errorMessage = textWasNotString
                ? $"the \"{TextKey}\" field is not a string"
                : $"no \"{TextKey}\" field; available keys: {(keys is null ? "(none)" : string.Join(", ", keys))}" +
                  (id is not null ? $", {IdKey}" : "") + " (set input.text_key to the key that holds the text)";
            return false;
        }
        document = new Document(id ?? fallbackId.ToString(), text, meta is null ? Metadata.Empty : Metadata.From(meta), source);
        return true;
    }

    private MetaValue ReadValue(ref Utf8JsonReader r, ReadOnlySpan<byte> line)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return MetaValue.From(r.ValueIsEscaped || r.ValueSpan.Length > 64 ? r.GetString() : _values.Get(ref r));
            case JsonTokenType.StartArray:
            case JsonTokenType.StartObject:
                // Nested values are kept as their exact JSON text: slice it out instead of building a DOM.
                var start = (int)r.TokenStartIndex;
                r.Skip();
                return MetaValue.FromJson(Encoding.UTF8.GetString(line[start..(int)r.BytesConsumed]));
            default:
                return MetaValue.Read(ref r);
        }
    }

    private static int Utf8ErrorOffset(ReadOnlySpan<byte> s)
    {
        for (var i = 0; i < s.Length;)
        {
            var res = Rune.DecodeFromUtf8(s[i..], out _, out var consumed);
            if (res != System.Buffers.OperationStatus.Done) return i;
            i += consumed;
        }
        return s.Length;
    }

    private static string FirstSentence(string m)
    {
        var i = m.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? m[..(i + 1)] : m;
    }
}
