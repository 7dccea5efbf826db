using System.Text.Json;
using System.Text.RegularExpressions;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>Reads the normalizer, pre-tokenizer and post-processor sections of an HF <c>tokenizer.json</c>.</summary>
internal static class HuggingFacePipeline
{
    /// <summary>The normalizer steps (empty for none).</summary>
    public static List<string> Normalizers(JsonElement node)
    {
        var steps = new List<string>();
        if (node.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return steps;
        var type = TypeOf(node, "normalizer");
        if (type == "Sequence")
        {
            foreach (var child in node.GetProperty("normalizers").EnumerateArray()) steps.AddRange(Normalizers(child));
            return steps;
        }
        steps.Add(type);
        return steps;
    }

    /// <summary>The pre-tokenizer stages, whether a prefix space is added, and a canonical description for the hash.</summary>
    public static (List<IPreTokenizer> Stages, bool AddPrefixSpace, bool ByteLevel, List<string> Description) PreTokenizers(JsonElement node)
    {
        var stages = new List<IPreTokenizer>();
        var description = new List<string>();
        var prefixSpace = false;
        var byteLevel = false;
        void Visit(JsonElement n)
        {
            var type = TypeOf(n, "pre_tokenizer");
            switch (type)
            {
                case "Sequence":
                    foreach (var child in n.GetProperty("pretokenizers").EnumerateArray()) Visit(child);
                    break;
                case "ByteLevel":
                    byteLevel = true;
                    if (Bool(n, "add_prefix_space", false))
                    {
                        if (stages.Count > 0)
                            throw new NotSupportedException("ByteLevel add_prefix_space after another pre-tokenizer is not supported");
                        prefixSpace = true;
                    }
                    if (Bool(n, "use_regex", true))
                    {
                        stages.Add(new Gpt2PreTokenizer());
                        description.Add("bytelevel-regex");
                    }
                    break;
                case "Split":
                    var behavior = n.TryGetProperty("behavior", out var b) ? b.GetString() : "Isolated";
                    if (behavior != "Isolated" || Bool(n, "invert", false))
                        throw new NotSupportedException($"Split pre-tokenizer with behavior {behavior} / invert is not supported (Isolated only)");
                    var p = n.GetProperty("pattern");
                    var pattern = p.TryGetProperty("Regex", out var rx) ? rx.GetString()!
                        : p.TryGetProperty("String", out var str) ? Regex.Escape(str.GetString()!)
                        : throw new TokenizerFormatException("Split pre-tokenizer pattern has neither Regex nor String");
                    stages.Add(KnownPatterns.Create(pattern));
                    description.Add("split:" + pattern);
                    break;
                default:
                    throw new NotSupportedException($"pre-tokenizer '{type}' is not supported (supported: ByteLevel, Split, Sequence)");
            }
        }
        if (node.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) Visit(node);
        return (stages, prefixSpace, byteLevel, description);
    }

    /// <summary>The ids that <c>add_special_tokens</c> puts before and after a single sequence.</summary>
    public static (List<int> Prefix, List<int> Suffix) Template(JsonElement node)
    {
        var prefix = new List<int>();
        var suffix = new List<int>();
        void Visit(JsonElement n)
        {
            switch (TypeOf(n, "post_processor"))
            {
                case "Sequence":
                    foreach (var child in n.GetProperty("processors").EnumerateArray()) Visit(child);
                    break;
                case "TemplateProcessing":
                    var specials = n.GetProperty("special_tokens");
                    var seenSequence = false;
                    foreach (var piece in n.GetProperty("single").EnumerateArray())
                    {
                        if (piece.TryGetProperty("Sequence", out _)) { seenSequence = true; continue; }
                        var key = piece.GetProperty("SpecialToken").GetProperty("id").GetString()!;
                        foreach (var id in specials.GetProperty(key).GetProperty("ids").EnumerateArray())
                            (seenSequence ? suffix : prefix).Add(id.GetInt32());
                    }
                    break;
                case "RobertaProcessing":
                case "BertProcessing":
                    prefix.Add(n.GetProperty("cls")[1].GetInt32());
                    suffix.Add(n.GetProperty("sep")[1].GetInt32());
                    break;
                case "ByteLevel":
                    break;
                case var other:
                    throw new NotSupportedException($"post-processor '{other}' is not supported");
            }
        }
        if (node.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) Visit(node);
        return (prefix, suffix);
    }

    private static string TypeOf(JsonElement n, string section) =>
        n.TryGetProperty("type", out var t) && t.GetString() is { } s ? s : throw new TokenizerFormatException($"{section} entry has no type");

    private static bool Bool(JsonElement n, string name, bool fallback) =>
        n.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;
}
