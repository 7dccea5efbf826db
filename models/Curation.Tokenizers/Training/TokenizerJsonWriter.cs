using System.Text;
using System.Text.Json;
using Curation.Tokenizers.Loading;

namespace Curation.Tokenizers.Training;

/// <summary>Writes byte-level BPE models as HF <c>tokenizer.json</c> and as tiktoken rank files.</summary>
public static class TokenizerJsonWriter
{
    /// <summary>
    /// Writes a tokenizer.json: Split(pattern, Isolated) + ByteLevel(use_regex false), BPE with the merges in order,
    /// the special tokens as added tokens.
    /// </summary>
    public static void Write(Stream output, IReadOnlyList<byte[]?> tokens, IEnumerable<(int Left, int Right)> merges,
        IReadOnlyList<AddedToken> specialTokens, string pattern, bool ignoreMerges)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("version", "1.0");
        w.WriteNull("truncation");
        w.WriteNull("padding");
        w.WriteStartArray("added_tokens");
        foreach (var t in specialTokens)
        {
            w.WriteStartObject();
            w.WriteNumber("id", t.Id);
            w.WriteString("content", t.Content);
            w.WriteBoolean("single_word", t.SingleWord);
            w.WriteBoolean("lstrip", t.LeftStrip);
            w.WriteBoolean("rstrip", t.RightStrip);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", t.Special);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNull("normalizer");
        w.WriteStartObject("pre_tokenizer");
        w.WriteString("type", "Sequence");
        w.WriteStartArray("pretokenizers");
        w.WriteStartObject();
        w.WriteString("type", "Split");
        w.WriteStartObject("pattern");
        w.WriteString("Regex", pattern);
        w.WriteEndObject();
        w.WriteString("behavior", "Isolated");
        w.WriteBoolean("invert", false);
        w.WriteEndObject();
        WriteByteLevel(w, null, addPrefixSpace: false, useRegex: false);
        w.WriteEndArray();
        w.WriteEndObject();
        WriteByteLevel(w, "post_processor", addPrefixSpace: true, useRegex: true, trimOffsets: false);
        WriteByteLevel(w, "decoder", addPrefixSpace: true, useRegex: true);
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        w.WriteNull("unk_token");
        w.WriteNull("continuing_subword_prefix");
        w.WriteNull("end_of_word_suffix");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", ignoreMerges);
        w.WriteStartObject("vocab");
        for (var id = 0; id < tokens.Count; id++)
            if (tokens[id] is { } t) w.WriteNumber(ByteLevelAlphabet.Encode(t), id);
        w.WriteEndObject();
        w.WriteStartArray("merges");
        foreach (var (l, r) in merges)
        {
            w.WriteStartArray();
            w.WriteStringValue(ByteLevelAlphabet.Encode(tokens[l]!));
            w.WriteStringValue(ByteLevelAlphabet.Encode(tokens[r]!));
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes <c>base64(token) rank</c> lines, rank = id.</summary>
    public static void WriteTiktoken(Stream output, IReadOnlyList<byte[]?> tokens)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        for (var id = 0; id < tokens.Count; id++)
            if (tokens[id] is { } t) writer.WriteLine($"{Convert.ToBase64String(t)} {id}");
    }

    /// <summary>Exports a loaded tokenizer as tokenizer.json (every pair of its merge table, by rank), when it is a single-pattern model.</summary>
    public static void Write(Stream output, Tokenizer tokenizer) => tokenizer.ExportTokenizerJson(output);

    private static void WriteByteLevel(Utf8JsonWriter w, string? property, bool addPrefixSpace, bool useRegex, bool trimOffsets = true)
    {
        if (property is null) w.WriteStartObject(); else w.WriteStartObject(property);
        w.WriteString("type", "ByteLevel");
        w.WriteBoolean("add_prefix_space", addPrefixSpace);
        w.WriteBoolean("trim_offsets", trimOffsets);
        w.WriteBoolean("use_regex", useRegex);
        w.WriteEndObject();
    }
}
