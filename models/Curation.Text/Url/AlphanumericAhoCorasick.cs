namespace Curation.Text.Url;

/// <summary>
/// An Aho-Corasick automaton over the alphabet [a-z0-9] (what datatrove's URL normalisation leaves), compiled to
/// a dense transition table: finding whether any pattern occurs takes one table step per input character.
/// </summary>
public sealed class AlphanumericAhoCorasick
{
    private const int Alphabet = 36;
    private readonly int[] _next;
    private readonly bool[] _accepting;

    /// <summary>Builds the automaton; patterns with characters outside [a-z0-9] or empty ones are rejected.</summary>
    public AlphanumericAhoCorasick(IEnumerable<string> patterns)
    {
        var next = new List<int[]> { NewRow() };
        var accepting = new List<bool> { false };
        foreach (var p in patterns)
        {
            if (p.Length == 0) throw new ArgumentException("empty pattern", nameof(patterns));
            int node = 0;
            foreach (char c in p)
            {
                int k = Index(c);
                if (k < 0) throw new ArgumentException($"pattern '{p}' has a character outside [a-z0-9]", nameof(patterns));
                if (next[node][k] == 0)
                {
                    next[node][k] = next.Count;
                    next.Add(NewRow());
                    accepting.Add(false);
                }
                node = next[node][k];
            }
            accepting[node] = true;
        }
        PatternCount = accepting.Count(a => a);
        // Breadth-first failure links, folded into the transition table (a complete DFA).
        var fail = new int[next.Count];
        var queue = new Queue<int>();
        for (int k = 0; k < Alphabet; k++) if (next[0][k] != 0) queue.Enqueue(next[0][k]);
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            accepting[node] |= accepting[fail[node]];
            for (int k = 0; k < Alphabet; k++)
            {
                int child = next[node][k];
                if (child != 0)
                {
                    fail[child] = next[fail[node]][k];
                    queue.Enqueue(child);
                }
                else next[node][k] = next[fail[node]][k];
            }
        }
        _next = next.SelectMany(r => r).ToArray();
        _accepting = accepting.ToArray();
    }

    /// <summary>Number of distinct patterns.</summary>
    public int PatternCount { get; }

    /// <summary>True when any pattern occurs in <paramref name="text"/>; characters outside [a-z0-9] reset the match.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        if (PatternCount == 0) return false;
        int node = 0;
        foreach (char c in text)
        {
            int k = Index(c);
            node = k < 0 ? 0 : _next[node * Alphabet + k];
            if (_accepting[node]) return true;
        }
        return false;
    }

    private static int[] NewRow() => new int[Alphabet];

    private static int Index(char c) =>
        (uint)(c - 'a') <= 'z' - 'a' ? c - 'a' : (uint)(c - '0') <= 9 ? 26 + c - '0' : -1;
}
