using System.Text;
using System.Text.Json;
using Curation.Tokenizers.Bpe;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>Loads the original GPT-2 pair: <c>encoder.json</c>/<c>vocab.json</c> (mapped token → id) and <c>vocab.bpe</c>/<c>merges.txt</c>.</summary>
internal static class Gpt2Loader
{
    public static Tokenizer Load(string vocabPath, string mergesPath, string name)
    {
        Dictionary<string, int> vocab;
        try
        {
            using var s = File.OpenRead(vocabPath);
            vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(s) ?? throw new TokenizerFormatException($"{vocabPath}: empty vocabulary");
        }
        catch (JsonException e)
        {
            throw new TokenizerFormatException($"{vocabPath}: not a JSON object of token → id (line {e.LineNumber + 1}): {e.Message}", e);
        }
        var tokens = new List<byte[]?>();
        var added = new List<AddedToken>();
        foreach (var (text, id) in vocab)
        {
            if (id < 0) throw new TokenizerFormatException($"{vocabPath}: token '{text}' has negative id {id}");
            while (tokens.Count <= id) tokens.Add(null);
            tokens[id] = ByteLevelAlphabet.TryDecode(text);
            if (tokens[id] is null || text == "<|endoftext|>") added.Add(new AddedToken(text, id, Special: true));
        }
        var table = new TokenTable(tokens);
        var hasher = new DefinitionHasher().Add("hf-bpe");
        var pairList = new List<(int, int, int)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(mergesPath, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal))) continue;
            var space = line.IndexOf(' ');
            if (space <= 0) throw new TokenizerFormatException($"{mergesPath}: line {lineNumber}: expected 'left right'");
            var left = line[..space];
            var right = line[(space + 1)..];
            if (!vocab.TryGetValue(left, out var l) || !vocab.TryGetValue(right, out var r) || !vocab.TryGetValue(left + right, out var m))
                throw new TokenizerFormatException($"{mergesPath}: line {lineNumber}: merge '{line}' uses a token missing from {Path.GetFileName(vocabPath)}");
            pairList.Add((l, r, m));
            hasher.Add(l).Add(r);
        }
        var pairs = new PairTable(pairList.Count);
        for (var rank = 0; rank < pairList.Count; rank++) pairs.Add(pairList[rank].Item1, pairList[rank].Item2, rank, pairList[rank].Item3);
        hasher.Add(0).Add(0).Add("bytelevel-regex");
        for (var id = 0; id < tokens.Count; id++) hasher.Add(id).Add(tokens[id] ?? []);
        foreach (var t in added) hasher.Add(t.Content).Add(t.Id).Add(1);
        int? eos = vocab.TryGetValue("<|endoftext|>", out var eosId) ? eosId : null;
        var model = new BytePairModel(table, pairs, wholePieceLookup: false);
        return new Tokenizer(new TokenizerDefinition(name, model, new Gpt2PreTokenizer(), null, false, added, [], [], null, eos, hasher.Finish(), KnownPatterns.Gpt2));
    }
}
