using System.Text.Encodings.Web;
using System.Text.Json;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.IO;

/// <summary>The on-disk JSON form of a document, with datatrove's keys and order: text, id, metadata.</summary>
public static class DocumentJson
{
    /// <summary>UTF-8 out, only what JSON requires escaped: readable shards, and what datatrove/orjson write.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static void Write(Utf8JsonWriter w, Document d, IEnumerable<KeyValuePair<string, MetaValue>>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("text"u8, d.Text);
        w.WriteString("id"u8, d.Id);
        w.WritePropertyName("metadata"u8);
        w.WriteStartObject();
        foreach (var (k, v) in d.Metadata)
        {
            w.WritePropertyName(k);
            v.WriteTo(w);
        }
        if (extra is not null)
        {
            foreach (var (k, v) in extra)
            {
                w.WritePropertyName(k);
                v.WriteTo(w);
            }
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
