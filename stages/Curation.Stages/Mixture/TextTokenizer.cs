using System.Collections.Concurrent;
using Curation.Tokenizers;

namespace Curation.Stages.Mixture;

/// <summary>
/// The tokenizer of a mixture search: <c>bytes</c> (UTF-8 bytes as ids, vocabulary 256, what CPU-sized proxies
/// train fastest on) or any built-in tokenizer name or tokenizer file; documents end with the end-of-text
/// token when the tokenizer has one.
/// </summary>
public sealed class TextTokenizer
{
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Loaded = new(StringComparer.Ordinal);
    private readonly Tokenizer? _tokenizer;
    private readonly int? _endOfText;

    private TextTokenizer(string name, Tokenizer? tokenizer)
    {
        Name = name;
        _tokenizer = tokenizer;
        VocabSize = tokenizer?.VocabularySize ?? 256;
        if (tokenizer is not null)
            _endOfText = tokenizer.EosId ?? (tokenizer.SpecialTokens.TryGetValue("<|endoftext|>", out var eot) ? eot : null);
    }

    /// <summary>The tokenizer's name as configured.</summary>
    public string Name { get; }

    /// <summary>Ids are below this.</summary>
    public int VocabSize { get; }

    /// <summary>Loads <paramref name="name"/> (<c>bytes</c>, a built-in name or a file).</summary>
    public static TextTokenizer Load(string name) =>
        name == "bytes" ? new TextTokenizer(name, null) : new TextTokenizer(name, Loaded.GetOrAdd(name, n => new Lazy<Tokenizer>(() => Tokenizer.FromFile(n))).Value);

    /// <summary>True when <paramref name="name"/> can be loaded, checked at plan time without loading.</summary>
    public static bool Resolvable(string name) => name == "bytes" || Tokenizer.BuiltInNames.Contains(name, StringComparer.Ordinal) || File.Exists(name);

    /// <summary>Token ids of each text, in order.</summary>
    public int[][] Encode(IReadOnlyList<string> texts)
    {
        if (_tokenizer is null)
            return texts.Select(t => System.Text.Encoding.UTF8.GetBytes(t).Select(b => (int)b).ToArray()).ToArray();
        var ids = _tokenizer.EncodeBatch(texts, maxDegreeOfParallelism: 1);
        if (_endOfText is not { } eot) return ids;
        return ids.Select(a => { var r = new int[a.Length + 1]; a.CopyTo(r, 0); r[^1] = eot; return r; }).ToArray();
    }
}
