using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Curation.Tokenizers.Bpe;
using Curation.Tokenizers.Loading;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers;

/// <summary>
/// A byte-level BPE tokenizer that gives exactly the ids of tiktoken (<c>encode_ordinary</c> by default) or of
/// HF tokenizers for a <c>tokenizer.json</c>. Immutable and thread-safe: one instance serves all threads.
/// </summary>
public sealed class Tokenizer
{
    [ThreadStatic] private static List<int>? _ends;

    private readonly TokenizerDefinition _def;
    private readonly BytePairModel _model;
    private readonly AddedTokenMatcher? _ordinaryMatcher;   // HF non-special added tokens: always matched
    private readonly AddedTokenMatcher? _specialMatcher;    // every added token: matched on request
    private readonly Dictionary<int, byte[]> _addedBytes;

    internal Tokenizer(TokenizerDefinition definition)
    {
        _def = definition;
        _model = definition.Model;
        var ordinary = new AddedTokenMatcher(definition.AddedTokens.Where(t => !t.Special));
        _ordinaryMatcher = ordinary.IsEmpty ? null : ordinary;
        var all = new AddedTokenMatcher(definition.AddedTokens);
        _specialMatcher = all.IsEmpty ? null : all;
        _addedBytes = new Dictionary<int, byte[]>();
        foreach (var t in definition.AddedTokens) _addedBytes.TryAdd(t.Id, Encoding.UTF8.GetBytes(t.Content));
        SpecialTokens = definition.AddedTokens.Where(t => t.Special).GroupBy(t => t.Content, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var maxAdded = definition.AddedTokens.Count == 0 ? -1 : definition.AddedTokens.Max(t => t.Id);
        VocabularySize = Math.Max(_model.Vocabulary.Count, maxAdded + 1);
    }

    /// <summary>The names <see cref="FromName"/> accepts.</summary>
    public static IReadOnlyList<string> BuiltInNames => BuiltInEncodings.Names;

    /// <summary>A built-in encoding: <c>cl100k_base</c>, <c>o200k_base</c>, <c>r50k_base</c> or <c>gpt2</c> (shipped in the assembly).</summary>
    public static Tokenizer FromName(string name) => BuiltInEncodings.Load(name);

    /// <summary>
    /// Loads a definition file by its form: HF <c>tokenizer.json</c>; a GPT-2 <c>vocab.json</c>/<c>encoder.json</c>
    /// with <c>merges.txt</c>/<c>vocab.bpe</c> beside it; or a <c>.tiktoken</c> rank file (cl100k pattern unless named
    /// like a built-in). A built-in name is accepted too.
    /// </summary>
    public static Tokenizer FromFile(string path) => TokenizerFiles.Load(path);

    /// <summary>A tiktoken rank file with its pre-tokenisation pattern and special tokens.</summary>
    public static Tokenizer FromTiktoken(Stream ranks, string pattern, IReadOnlyDictionary<string, int> specialTokens, string name = "tiktoken") =>
        TiktokenLoader.Load(ranks, pattern, specialTokens, name, name);

    /// <summary>An HF <c>tokenizer.json</c> (byte-level BPE model).</summary>
    public static Tokenizer FromHuggingFaceJson(Stream json, string name = "tokenizer.json") =>
        HuggingFaceLoader.Load(json, name, bosToken: null, eosToken: null);

    /// <summary>The name it was loaded under (a built-in name or a file name).</summary>
    public string Name => _def.Name;

    /// <summary>One more than the largest id, special tokens included.</summary>
    public int VocabularySize { get; }

    /// <summary>Beginning-of-sequence id, when the definition has one.</summary>
    public int? BosId => _def.BosId;

    /// <summary>End-of-sequence / end-of-text id, when the definition has one.</summary>
    public int? EosId => _def.EosId;

    /// <summary>Special tokens by their text.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>SHA-256 (hex) of the canonical tokenizer definition, for manifests: equal hashes mean equal ids.</summary>
    public string DefinitionHash => _def.DefinitionHash;

    /// <summary>Ids of <paramref name="text"/>; special-token text is ordinary text (tiktoken <c>encode_ordinary</c>).</summary>
    public int[] EncodeToIds(ReadOnlySpan<char> text)
    {
        var ids = new List<int>(text.Length / 3 + 4);
        EncodeToIds(text, ids);
        return ids.ToArray();
    }

    /// <summary>Ids of UTF-8 <paramref name="utf8"/>; special-token text is ordinary text.</summary>
    public int[] EncodeToIds(ReadOnlySpan<byte> utf8)
    {
        var ids = new List<int>(utf8.Length / 3 + 4);
        EncodeToIds(utf8, ids);
        return ids.ToArray();
    }

    /// <summary>Appends the ids of <paramref name="text"/> to <paramref name="output"/> (no allocation per call once warm).</summary>
    public void EncodeToIds(ReadOnlySpan<char> text, List<int> output) => WithUtf8(text, output, allowSpecial: false);

    /// <summary>Appends the ids of UTF-8 <paramref name="utf8"/> to <paramref name="output"/>.</summary>
    public void EncodeToIds(ReadOnlySpan<byte> utf8, List<int> output) => Encode(utf8, output, _ordinaryMatcher);

    /// <summary>
    /// Ids with special tokens recognised in the text and, when <paramref name="addBosEos"/>, the definition's
    /// BOS/EOS template applied (HF <c>add_special_tokens</c>).
    /// </summary>
    public int[] EncodeWithSpecialTokens(ReadOnlySpan<char> text, bool addBosEos = true)
    {
        var ids = new List<int>(text.Length / 3 + 4);
        if (addBosEos) ids.AddRange(_def.PrefixIds);
        WithUtf8(text, ids, allowSpecial: true);
        if (addBosEos) ids.AddRange(_def.SuffixIds);
        return ids.ToArray();
    }

    /// <summary>The number of tokens <see cref="EncodeToIds(ReadOnlySpan{char})"/> would return.</summary>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        var ids = Scratch.Ids;
        ids.Clear();
        EncodeToIds(text, ids);
        return ids.Count;
    }

    /// <summary>The number of tokens of UTF-8 text.</summary>
    public int CountTokens(ReadOnlySpan<byte> utf8)
    {
        var ids = Scratch.Ids;
        ids.Clear();
        EncodeToIds(utf8, ids);
        return ids.Count;
    }

    /// <summary>Encodes many documents on up to <paramref name="maxDegreeOfParallelism"/> threads (-1: all cores); results in input order.</summary>
    public int[][] EncodeBatch(IReadOnlyList<string> texts, int maxDegreeOfParallelism = -1)
    {
        var results = new int[texts.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, texts.Count, options, i => results[i] = EncodeToIds(texts[i]));
        return results;
    }

    /// <summary>Encodes many UTF-8 documents on up to <paramref name="maxDegreeOfParallelism"/> threads; results in input order.</summary>
    public int[][] EncodeBatch(IReadOnlyList<ReadOnlyMemory<byte>> utf8Documents, int maxDegreeOfParallelism = -1)
    {
        var results = new int[utf8Documents.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, utf8Documents.Count, options, i => results[i] = EncodeToIds(utf8Documents[i].Span));
        return results;
    }

    /// <summary>The bytes of the ids (special tokens as their text).</summary>
    public byte[] DecodeToBytes(ReadOnlySpan<int> ids)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(16, ids.Length * 4));
        foreach (var id in ids)
        {
            var bytes = _model.Vocabulary.Contains(id) ? _model.Vocabulary.Bytes(id)
                : _addedBytes.TryGetValue(id, out var added) ? added
                : throw new ArgumentOutOfRangeException(nameof(ids), id, $"token id {id} is not in {Name} (vocabulary size {VocabularySize})");
            buffer.Write(bytes);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The text of the ids; byte sequences that are not valid UTF-8 become U+FFFD, as in tiktoken and HF.</summary>
    public string Decode(ReadOnlySpan<int> ids) => Encoding.UTF8.GetString(DecodeToBytes(ids));

    /// <summary>Writes this tokenizer as an HF tokenizer.json (single-pattern models without normaliser).</summary>
    internal void ExportTokenizerJson(Stream output)
    {
        if (_def.Pattern is null || _def.Normalizer is not null || _def.AddPrefixSpace)
            throw new NotSupportedException($"{Name}: only a single-pattern tokenizer without normaliser or prefix space can be exported");
        var tokens = new byte[]?[_model.Vocabulary.Count];
        for (var id = 0; id < tokens.Length; id++)
            if (_model.Vocabulary.Contains(id)) tokens[id] = _model.Vocabulary.Bytes(id).ToArray();
        var merges = _model.Pairs.Entries().Select(e => (e.Left, e.Right));
        Training.TokenizerJsonWriter.Write(output, tokens, merges, _def.AddedTokens, _def.Pattern, _model.WholePieceLookup);
    }

    private void WithUtf8(ReadOnlySpan<char> text, List<int> output, bool allowSpecial)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(text, rented);
            Encode(rented.AsSpan(0, n), output, allowSpecial ? _specialMatcher : _ordinaryMatcher);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private void Encode(ReadOnlySpan<byte> utf8, List<int> output, AddedTokenMatcher? matcher)
    {
        if (matcher is null)
        {
            EncodeSegment(utf8, output);
            return;
        }
        var pos = 0;
        while (matcher.Find(utf8, pos, out var start, out var end, out var id))
        {
            EncodeSegment(utf8[pos..start], output);
            output.Add(id);
            pos = end;
        }
        EncodeSegment(utf8[pos..], output);
    }

    private void EncodeSegment(ReadOnlySpan<byte> segment, List<int> output)
    {
        if (segment.IsEmpty) return;
        byte[]? owned = null;
        if (_def.Normalizer?.Apply(segment) is { } normalized) segment = owned = normalized;
        if (_def.AddPrefixSpace && segment[0] != (byte)' ')
        {
            var withSpace = new byte[segment.Length + 1];
            withSpace[0] = (byte)' ';
            segment.CopyTo(withSpace.AsSpan(1));
            segment = owned = withSpace;
        }
        GC.KeepAlive(owned);
        var ends = _ends ??= new List<int>(1024);
        ends.Clear();
        _def.PreTokenizer.Split(segment, ends);
        var start = 0;
        foreach (var end in CollectionsMarshal.AsSpan(ends))
        {
            _model.Encode(segment[start..end], output);
            start = end;
        }
    }

    private static class Scratch
    {
        [ThreadStatic] private static List<int>? _ids;
        public static List<int> Ids => _ids ??= new List<int>(4096);
    }
}
