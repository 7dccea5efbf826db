using System.Text;

namespace Curation.Text.Tests;

/// <summary>Deterministic text builders for threshold tests.</summary>
internal static class Crafted
{
    /// <summary>Distinct lower-case pseudo-words of the given length (seeded, so tests are reproducible).</summary>
    public static string[] UniqueWords(int count, int length, int seed = 1)
    {
        var rng = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < count)
        {
            var sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) sb.Append((char)('a' + rng.Next(26)));
            seen.Add(sb.ToString());
        }
        return seen.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A prose-like document of <paramref name="words"/> words including the stop words "the" and "and".</summary>
    public static string Prose(int words, int wordLength = 5, int seed = 1)
    {
        var w = UniqueWords(words - 2, wordLength, seed);
        return "the " + string.Join(' ', w[..(w.Length / 2)]) + " and " + string.Join(' ', w[(w.Length / 2)..]);
    }

    /// <summary>A line of <paramref name="words"/> distinct words ending in a period.</summary>
    public static string Sentence(int words, int seed) => string.Join(' ', UniqueWords(words, 6, seed)) + ".";
}
