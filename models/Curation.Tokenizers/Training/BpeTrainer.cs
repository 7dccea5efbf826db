using System.Text;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers.Training;

/// <summary>
/// Byte-level BPE training: counts pre-tokenised pieces, then repeatedly merges the most frequent adjacent
/// pair (ties: the smaller pair of ids, as HF's trainer), updating only the words that contain it.
/// </summary>
public static class BpeTrainer
{
    /// <summary>Trains on <paramref name="texts"/> (one document each).</summary>
    public static TrainedBpe Train(IEnumerable<string> texts, BpeTrainerOptions options)
    {
        var merges = options.VocabularySize - 256 - options.SpecialTokens.Count;
        if (merges < 0)
            throw new ArgumentException($"vocabulary size {options.VocabularySize} is smaller than 256 bytes + {options.SpecialTokens.Count} special tokens", nameof(options));
        var counts = CountPieces(texts, KnownPatterns.Create(options.Pattern));
        var words = new List<int[]>(counts.Count);
        var freq = new List<long>(counts.Count);
        foreach (var (piece, count) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            words.Add(piece.Select(c => (int)c).ToArray());
            freq.Add(count);
        }

        var tokens = Enumerable.Range(0, 256).Select(b => new[] { (byte)b }).ToList();
        var mergeList = new List<(int Left, int Right)>();
        var pairCounts = new Dictionary<long, long>();
        var where = new Dictionary<long, HashSet<int>>();
        for (var w = 0; w < words.Count; w++) AddPairs(words[w], w, freq[w], +1, pairCounts, where);

        var queue = new PriorityQueue<long, (long Count, long Pair)>(Comparer<(long Count, long Pair)>.Create((a, b) =>
            a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Pair.CompareTo(b.Pair)));
        foreach (var (pair, c) in pairCounts) queue.Enqueue(pair, (c, pair));

        while (mergeList.Count < merges && queue.TryDequeue(out var best, out var queued))
        {
            var current = pairCounts.GetValueOrDefault(best);
            if (current != queued.Count)
            {
                if (current > 0) queue.Enqueue(best, (current, best));
                continue;
            }
            if (current < options.MinFrequency) break;
            int left = (int)(best >> 32), right = (int)(uint)best;
            var id = tokens.Count;
            tokens.Add([.. tokens[left], .. tokens[right]]);
            mergeList.Add((left, right));
            var touched = new HashSet<long>();
            foreach (var w in where[best].Order().ToArray())
            {
                AddPairs(words[w], w, freq[w], -1, pairCounts, null);
                words[w] = Replace(words[w], left, right, id);
                AddPairs(words[w], w, freq[w], +1, pairCounts, where, touched);
            }
            pairCounts.Remove(best);
            where.Remove(best);
            foreach (var p in touched.Order())
                if (pairCounts.GetValueOrDefault(p) > 0) queue.Enqueue(p, (pairCounts[p], p));
        }
        return new TrainedBpe(tokens, mergeList, options.SpecialTokens, options.Pattern);
    }

    private static Dictionary<string, long> CountPieces(IEnumerable<string> texts, IPreTokenizer pre)
    {
        // Pieces are keyed as Latin-1 strings: one char per byte, cheap to hash and compare.
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var ends = new List<int>();
        foreach (var text in texts)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            ends.Clear();
            pre.Split(utf8, ends);
            var start = 0;
            foreach (var end in ends)
            {
                var key = Encoding.Latin1.GetString(utf8, start, end - start);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                start = end;
            }
        }
        return counts;
    }

    private static void AddPairs(int[] word, int w, long f, int sign, Dictionary<long, long> counts, Dictionary<long, HashSet<int>>? where, HashSet<long>? touched = null)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            var pair = (long)word[i] << 32 | (uint)word[i + 1];
            counts[pair] = counts.GetValueOrDefault(pair) + sign * f;
            touched?.Add(pair);
            if (where is null) continue;
            if (!where.TryGetValue(pair, out var set)) where[pair] = set = new HashSet<int>();
            set.Add(w);
        }
    }

    private static int[] Replace(int[] word, int left, int right, int merged)
    {
        var result = new List<int>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (i + 1 < word.Length && word[i] == left && word[i + 1] == right) { result.Add(merged); i++; }
            else result.Add(word[i]);
        }
        return result.ToArray();
    }
}
