using System.Text;
using Curation.Dedup;

namespace DedupBench;

/// <summary>Deterministic synthetic documents: 60 four-letter words from a 20,000-word vocabulary; every tenth is a near copy (one word changed) of an earlier document.</summary>
internal static class SyntheticDocs
{
    public static IEnumerable<DedupDocument> Task(int task, int tasks, long total)
    {
        var sb = new StringBuilder(600);
        for (long i = task; i < total; i += tasks)
        {
            bool copy = i % 10 == 9 && i >= 7;
            // Seed through one SplitMix step: a linear seed would make document i+1 a one-word shift of document i.
            ulong seed = (ulong)(copy ? i - 7 : i);
            ulong state = Next(ref seed);
            sb.Clear();
            for (int w = 0; w < 60; w++)
            {
                ulong r = Next(ref state);
                if (copy && w == 30) r = (ulong)i * 31;
                if (w > 0) sb.Append(' ');
                // Letters only: the simplifier folds digit runs to 0, which would make every word equal.
                ulong word = r % 20000;
                for (int k = 0; k < 4; k++) { sb.Append((char)('a' + (int)(word % 26))); word /= 26; }
            }
            yield return new DedupDocument($"syn{i:D9}", sb.ToString());
        }
    }

    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
