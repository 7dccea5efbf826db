using System.Text;
using System.Text.Json;
using Curation.Tokenizers.Bpe;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>Loads an HF <c>tokenizer.json</c> with a byte-level BPE model.</summary>
internal static class HuggingFaceLoader
{
    public static Tokenizer Load(Stream json, string name, string? bosToken, string? eosToken)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new TokenizerFormatException($"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine}): {e.Message}", e);
        }
        using (doc)
        {
            try
            {
                return Build(doc.RootElement, name, bosToken, eosToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new TokenizerFormatException($"{name}: unexpected tokenizer.json structure: {e.Message}", e);
            }
        }
    }

    private static Tokenizer Build(JsonElement root, string name, string? bosToken, string? eosToken)
    {
        var model = root.GetProperty("model");
        if (model.TryGetProperty("type", out var type) && type.GetString() != "BPE")
            throw new NotSupportedException($"{name}: model type '{type.GetString()}' is not supported (BPE only)");
        foreach (var affix in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
            if (model.TryGetProperty(affix, out var a) && a.ValueKind == JsonValueKind.String && a.GetString()!.Length > 0)
                throw new NotSupportedException($"{name}: BPE {affix} is not supported");
        if (model.TryGetProperty("dropout", out var dropout) && dropout.ValueKind == JsonValueKind.Number && dropout.GetDouble() > 0)
            throw new NotSupportedException($"{name}: BPE dropout is not deterministic and is not supported");

        var (stages, prefixSpace, byteLevel, description) = HuggingFacePipeline.PreTokenizers(Get(root, "pre_tokenizer"));
        if (!byteLevel && !(Get(root, "decoder") is { ValueKind: JsonValueKind.Object } d && d.GetProperty("type").GetString() == "ByteLevel"))
            throw new NotSupportedException($"{name}: only byte-level BPE (ByteLevel pre-tokenizer or decoder) is supported");
        var normalizerSteps = HuggingFacePipeline.Normalizers(Get(root, "normalizer"));
        var (prefix, suffix) = HuggingFacePipeline.Template(Get(root, "post_processor"));

        var tokens = new List<byte[]?>();
        var vocab = model.GetProperty("vocab");
        var idsByString = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            var id = entry.Value.GetInt32();
            if (id < 0) throw new TokenizerFormatException($"{name}: vocab entry '{entry.Name}' has negative id {id}");
            idsByString[entry.Name] = id;
            while (tokens.Count <= id) tokens.Add(null);
            // A vocab string outside the byte alphabet can never be produced by byte-level BPE; keep it for decoding only.
            tokens[id] = ByteLevelAlphabet.TryDecode(entry.Name);
        }
        var table = new TokenTable(tokens);
        var merges = model.GetProperty("merges");
        var pairs = new PairTable(merges.GetArrayLength());
        var hasher = new DefinitionHasher().Add("hf-bpe");
        var rank = 0;
        foreach (var merge in merges.EnumerateArray())
        {
            string left, right;
            if (merge.ValueKind == JsonValueKind.Array) { left = merge[0].GetString()!; right = merge[1].GetString()!; }
            else
            {
                var s = merge.GetString()!;
                var space = s.IndexOf(' ');
                if (space <= 0) throw new TokenizerFormatException($"{name}: merge {rank} '{s}' is not 'left right'");
                left = s[..space];
                right = s[(space + 1)..];
            }
            if (!idsByString.TryGetValue(left, out var l) || !idsByString.TryGetValue(right, out var r) || !idsByString.TryGetValue(left + right, out var m))
                throw new TokenizerFormatException($"{name}: merge {rank} ('{left}' '{right}') uses a token missing from the vocabulary");
            pairs.Add(l, r, rank, m);
            hasher.Add(l).Add(r);
            rank++;
        }
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var im) && im.ValueKind == JsonValueKind.True;
        var bpe = new BytePairModel(table, pairs, ignoreMerges);

        var added = new List<AddedToken>();
        if (Get(root, "added_tokens") is { ValueKind: JsonValueKind.Array } addedNode)
            foreach (var t in addedNode.EnumerateArray())
            {
                // As HF's AddedVocabulary: a content that is already a model token keeps the model's id.
                var content = t.GetProperty("content").GetString()!;
                added.Add(new AddedToken(content, idsByString.TryGetValue(content, out var modelId) ? modelId : t.GetProperty("id").GetInt32(),
                    Flag(t, "special"), Flag(t, "lstrip"), Flag(t, "rstrip"), Flag(t, "single_word")));
            }
        // Vocab strings that are not byte-level tokens (raw special strings) still need to decode.
        foreach (var (text, id) in idsByString)
            if (tokens[id] is null && added.All(a => a.Id != id)) added.Add(new AddedToken(text, id, Special: true));

        hasher.Add(ignoreMerges ? 1 : 0).Add(prefixSpace ? 1 : 0);
        foreach (var step in normalizerSteps) hasher.Add("norm:" + step);
        foreach (var step in description) hasher.Add(step);
        for (var id = 0; id < tokens.Count; id++) hasher.Add(id).Add(tokens[id] ?? []);
        foreach (var t in added) hasher.Add(t.Content).Add(t.Id).Add((t.Special ? 1 : 0) | (t.LeftStrip ? 2 : 0) | (t.RightStrip ? 4 : 0) | (t.SingleWord ? 8 : 0));
        foreach (var id in prefix) hasher.Add("bos").Add(id);
        foreach (var id in suffix) hasher.Add("eos").Add(id);

        int? Lookup(string? content) => content is null ? null
            : added.FirstOrDefault(a => a.Content == content)?.Id ?? (idsByString.TryGetValue(content, out var v) ? v : null);
        var bos = Lookup(bosToken) ?? (prefix.Count > 0 ? prefix[0] : FirstKnown(added, "<|begin_of_text|>", "<s>", "<bos>", "<｜begin▁of▁sentence｜>"));
        var eos = Lookup(eosToken) ?? (suffix.Count > 0 ? suffix[^1] : FirstKnown(added, "<|end_of_text|>", "<|endoftext|>", "</s>", "<eos>", "<｜end▁of▁sentence｜>"));

        IPreTokenizer pre = stages.Count == 1 ? stages[0] : new SequencePreTokenizer(stages);
        var normalizer = normalizerSteps.Count > 0 ? new TextNormalizer(normalizerSteps) : null;
        return new Tokenizer(new TokenizerDefinition(name, bpe, pre, normalizer, prefixSpace, added, prefix, suffix, bos, eos, hasher.Finish(),
            description.Count == 1 ? SinglePattern(description[0]) : null));
    }

    private static string SinglePattern(string stage) => stage == "bytelevel-regex" ? KnownPatterns.Gpt2 : stage["split:".Length..];

    private static int? FirstKnown(List<AddedToken> added, params string[] names)
    {
        foreach (var n in names)
            if (added.FirstOrDefault(a => a.Content == n) is { } t) return t.Id;
        return null;
    }

    private static JsonElement Get(JsonElement root, string name) => root.TryGetProperty(name, out var v) ? v : default;

    private static bool Flag(JsonElement t, string name) => t.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
