using Curation.Text.Tokenization;

namespace Curation.Text.Internal;

/// <summary>
/// The counting functions behind Gopher's repetition rule, with datatrove's exact definitions
/// (find_duplicates, find_top_duplicate, find_all_duplicate); lengths are in code points, like Python's len().
/// </summary>
internal sealed class RepetitionStatistics
{
    private const ulong Modulus = (1UL << 61) - 1;
    private const ulong Base = 1_000_003;

    private readonly RangeInterner _interner = new();
    private readonly Dictionary<(int, int, int, int), int> _gramIndex = new();
    private readonly List<int> _gramCounts = new();
    private readonly List<int> _firstPositions = new();
    private readonly HashSet<(ulong Hash, int Length)> _seenConcatenations = new();
    private int[] _wordIds = new int[256];
    private int[] _cpPrefix = new int[257];

    [ThreadStatic] private static RepetitionStatistics? _perThread;

    public static RepetitionStatistics ForThread() => _perThread ??= new RepetitionStatistics();

    /// <summary>datatrove's find_duplicates: (number of repeated elements, code points in them).</summary>
    public (int Elements, long Chars) FindDuplicates(string source, List<Range> parts)
    {
        _interner.Reset(source);
        int elements = 0;
        long chars = 0;
        foreach (var r in parts)
        {
            _interner.Intern(r, out bool existed);
            if (!existed) continue;
            elements++;
            chars += PythonText.CodePointLength(source.AsSpan()[r]);
        }
        return (elements, chars);
    }

    /// <summary>Loads the words whose n-grams the next calls measure.</summary>
    public void LoadWords(string source, List<Token> words)
    {
        int n = words.Count;
        if (_wordIds.Length < n)
        {
            int size = Math.Max(n, _wordIds.Length * 2);
            _wordIds = new int[size];
            _wordHash = new ulong[size];
            _wordPower = new ulong[size];
            _wordChars = new int[size];
        }
        if (_cpPrefix.Length < n + 1) _cpPrefix = new int[Math.Max(n + 1, _cpPrefix.Length * 2)];
        _interner.Reset(source);
        var span = source.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var w = words[i];
            var text = w.Of(span);
            _wordIds[i] = _interner.Intern(new Range(w.Start, w.Start + w.Length), out _) + 1;
            _cpPrefix[i + 1] = _cpPrefix[i] + PythonText.CodePointLength(text);
            // Polynomial hash and Base^length per word: hash(a + b) = hash(a) * Base^len(b) + hash(b), so the
            // hash of "".join(words[i:i+n]) follows from the words' own, without a per-character table.
            ulong h = 0, p = 1;
            foreach (char c in text)
            {
                h = AddMod(MulMod(h, Base), c);
                p = MulMod(p, Base);
            }
            _wordHash[i] = h;
            _wordPower[i] = p;
            _wordChars[i] = w.Length;
        }
        _wordCount = n;
    }

    private ulong[] _wordHash = new ulong[256];
    private ulong[] _wordPower = new ulong[256];
    private int[] _wordChars = new int[256];
    private int _wordCount;

    /// <summary>datatrove's find_top_duplicate over n-grams: count × len(" ".join(gram)) of the most frequent one (first seen wins ties).</summary>
    public long TopNGramChars(int n)
    {
        if (_wordCount < n || n < 1 || n > 4) return n > 4 ? TopNGramCharsLong(n) : 0;
        _gramIndex.Clear();
        _gramCounts.Clear();
        var firstPositions = _firstPositions;
        firstPositions.Clear();
        for (int i = 0; i + n <= _wordCount; i++)
        {
            var key = (_wordIds[i], n > 1 ? _wordIds[i + 1] : 0, n > 2 ? _wordIds[i + 2] : 0, n > 3 ? _wordIds[i + 3] : 0);
            if (_gramIndex.TryGetValue(key, out int index)) _gramCounts[index]++;
            else
            {
                _gramIndex[key] = _gramCounts.Count;
                _gramCounts.Add(1);
                firstPositions.Add(i);
            }
        }
        int best = 0;
        for (int g = 1; g < _gramCounts.Count; g++) if (_gramCounts[g] > _gramCounts[best]) best = g;
        int pos = firstPositions[best];
        long gramLength = _cpPrefix[pos + n] - _cpPrefix[pos] + (n - 1);
        return gramLength * _gramCounts[best];
    }

    // For n > 4 the word-id tuple does not fit the key; a hash of the id sequence identifies the n-gram instead.
    private long TopNGramCharsLong(int n)
    {
        if (_wordCount < n) return 0;
        var counts = new Dictionary<ulong, (int Count, int First)>();
        var order = new List<ulong>();
        for (int i = 0; i + n <= _wordCount; i++)
        {
            ulong h = 0;
            for (int k = 0; k < n; k++) h = MulMod(h, 1_000_000_007) + (ulong)_wordIds[i + k];
            if (counts.TryGetValue(h, out var c)) counts[h] = (c.Count + 1, c.First);
            else { counts[h] = (1, i); order.Add(h); }
        }
        var best = counts[order[0]];
        foreach (var h in order) if (counts[h].Count > best.Count) best = counts[h];
        return (long)(_cpPrefix[best.First + n] - _cpPrefix[best.First] + (n - 1)) * best.Count;
    }

    /// <summary>datatrove's find_all_duplicate: code points of repeated n-grams ("".join), skipping n words after each repeat.</summary>
    public long DuplicatedNGramChars(int n)
    {
        _seenConcatenations.Clear();
        long repeated = 0;
        int idx = 0;
        while (idx < _wordCount - n + 1)
        {
            ulong hash = 0;
            int chars = 0;
            for (int k = idx; k < idx + n; k++)
            {
                hash = AddMod(MulMod(hash, _wordPower[k]), _wordHash[k]);
                chars += _wordChars[k];
            }
            if (!_seenConcatenations.Add((hash, chars)))
            {
                repeated += _cpPrefix[idx + n] - _cpPrefix[idx];
                idx += n;
            }
            else idx++;
        }
        return repeated;
    }

    private static ulong AddMod(ulong a, ulong b)
    {
        ulong r = a + b;
        return r >= Modulus ? r - Modulus : r;
    }

    private static ulong MulMod(ulong a, ulong b)
    {
        UInt128 p = (UInt128)a * b;
        ulong lo = (ulong)(p & Modulus), hi = (ulong)(p >> 61);
        ulong r = lo + hi;
        return r >= Modulus ? r - Modulus : r;
    }
}
