using System.Text;
using Curation.Tokenizers.Bpe;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Loading;

/// <summary>Loads tiktoken rank files (<c>base64(token) rank</c> per line) into a <see cref="Tokenizer"/>.</summary>
internal static class TiktokenLoader
{
    public static Tokenizer Load(Stream ranks, string pattern, IReadOnlyDictionary<string, int> specialTokens, string name, string source)
    {
        var tokens = ReadRanks(ranks, source);
        var table = new TokenTable(tokens);
        var pairs = BuildPairs(tokens, table);
        var model = new BytePairModel(table, pairs, wholePieceLookup: true);

        var hasher = new DefinitionHasher().Add("tiktoken").Add(pattern);
        for (var id = 0; id < tokens.Count; id++) hasher.Add(id).Add(tokens[id] ?? []);
        var added = specialTokens.OrderBy(kv => kv.Value).Select(kv => new AddedToken(kv.Key, kv.Value, Special: true)).ToList();
        foreach (var t in added) hasher.Add(t.Content).Add(t.Id);

        int? eos = specialTokens.TryGetValue("<|endoftext|>", out var e) ? e : null;
        return new Tokenizer(new TokenizerDefinition(name, model, KnownPatterns.Create(pattern), null, false,
            added, [], [], null, eos, hasher.Finish(), pattern));
    }

    /// <summary>Every pair of tokens whose concatenation is a token, ranked by that token: tiktoken's merge rule as a pair table.</summary>
    internal static PairTable BuildPairs(IReadOnlyList<byte[]?> tokens, TokenTable table)
    {
        var found = new List<(int Left, int Right, int Merged)>(tokens.Count * 3);
        for (var id = 0; id < tokens.Count; id++)
        {
            var t = tokens[id];
            if (t is null || t.Length < 2) continue;
            for (var k = 1; k < t.Length; k++)
                if (table.TryGet(t.AsSpan(0, k), out var left) && table.TryGet(t.AsSpan(k), out var right))
                    found.Add((left, right, id));
        }
        var pairs = new PairTable(found.Count);
        foreach (var (left, right, merged) in found) pairs.Add(left, right, merged, merged);
        return pairs;
    }

    private static List<byte[]?> ReadRanks(Stream stream, string source)
    {
        var tokens = new List<byte[]?>(200_000);
        using var reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var space = line.IndexOf(' ');
            byte[] bytes;
            if (space <= 0 || !int.TryParse(line.AsSpan(space + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank))
                throw new TokenizerFormatException($"{source}: line {lineNumber}: expected 'base64 rank', got '{Clip(line)}'");
            try
            {
                bytes = Convert.FromBase64String(line[..space]);
            }
            catch (FormatException ex)
            {
                throw new TokenizerFormatException($"{source}: line {lineNumber}: token is not valid base64: '{Clip(line)}'", ex);
            }
            if (rank > 10_000_000) throw new TokenizerFormatException($"{source}: line {lineNumber}: rank {rank} is implausibly large");
            while (tokens.Count <= rank) tokens.Add(null);
            if (tokens[rank] is not null) throw new TokenizerFormatException($"{source}: line {lineNumber}: rank {rank} appears twice");
            if (bytes.Length == 0) throw new TokenizerFormatException($"{source}: line {lineNumber}: empty token");
            tokens[rank] = bytes;
        }
        if (tokens.Count == 0) throw new TokenizerFormatException($"{source}: no ranks found");
        return tokens;
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "..." : s;
}
