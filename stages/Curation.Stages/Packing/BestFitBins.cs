using System.Numerics;

namespace Curation.Stages.Packing;

/// <summary>
/// Best-fit-decreasing bin packing: items longest first, each into the open bin with the least room that still
/// fits it, else a new bin. Bins are indexed by remaining room with a bitset, so each item costs O(capacity / 64).
/// </summary>
public static class BestFitBins
{
    /// <summary>Returns bins (in creation order) as lists of item indices (in placement order).</summary>
    public static List<List<int>> Assign(int[] lengths, int capacity)
    {
        var order = Enumerable.Range(0, lengths.Length).OrderByDescending(i => lengths[i]).ThenBy(i => i).ToArray();
        var bins = new List<List<int>>();
        // byRoom[r]: bins with exactly r tokens of room (r in 1..capacity-1); a stack keeps the choice deterministic.
        var byRoom = new Stack<int>[capacity + 1];
        var words = new ulong[(capacity + 64) / 64];
        foreach (var item in order)
        {
            var len = lengths[item];
            if (len <= 0 || len > capacity) throw new ArgumentOutOfRangeException(nameof(lengths), $"item length {len} outside 1..{capacity}");
            var room = FirstSetAtOrAbove(words, len);
            int bin;
            if (room < 0)
            {
                bin = bins.Count;
                bins.Add([]);
                room = capacity;
            }
            else
            {
                bin = byRoom[room].Pop();
                if (byRoom[room].Count == 0) words[room >> 6] &= ~(1UL << (room & 63));
            }
            bins[bin].Add(item);
            var left = room - len;
            if (left > 0)
            {
                (byRoom[left] ??= new Stack<int>()).Push(bin);
                words[left >> 6] |= 1UL << (left & 63);
            }
        }
        return bins;
    }

    private static int FirstSetAtOrAbove(ulong[] words, int from)
    {
        var w = from >> 6;
        if (w >= words.Length) return -1;
        var bits = words[w] & (ulong.MaxValue << (from & 63));
        while (true)
        {
            if (bits != 0) return (w << 6) + BitOperations.TrailingZeroCount(bits);
            if (++w >= words.Length) return -1;
            bits = words[w];
        }
    }
}
