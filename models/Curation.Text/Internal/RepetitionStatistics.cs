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
    private readonly UInt64Set _seen = new();
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
            ulong h = 0;
            foreach (char c in text) h = AddMod(MulMod(h, Base), c);
            ulong p = PowerOfBase(text.Length);
            _wordHash[i] = h;
            _wordPower[i] = p;
            _wordChars[i] = w.Length;
        }
        _wordCount = n;
        _rollN = 0;
    }

    private ulong[] _wordHash = new ulong[256];
    private ulong[] _wordPower = new ulong[256];
    private int[] _wordChars = new int[256];
    private int _wordCount;

    /// <summary>datatrove's find_top_duplicate over n-grams: count × len(" ".join(gram)) of the most frequent one (first seen wins ties).</summary>
    public long TopNGramChars(int n)
    {
        if (_wordCount < n || n < 1) return 0;
        int positions = _wordCount - n + 1;
        int size = 1024;
        while (size < positions * 2) size <<= 1;
        if (_slotEntry.Length < size || (_slotEntry.Length > 1 << 16 && size * 8 < _slotEntry.Length))
        {
            _slotEntry = new int[size];
            _slotStamp = new uint[size];
            _stamp = 0;
        }
        if (++_stamp == 0) { Array.Clear(_slotStamp); _stamp = 1; }
        if (_entryFirst.Length < positions) { _entryFirst = new int[positions]; _entryCount = new int[positions]; }
        int mask = _slotEntry.Length - 1, entries = 0;
        var ids = _wordIds;
        for (int i = 0; i < positions; i++)
        {
            ulong h = 0;
            for (int k = 0; k < n; k++) h = (h ^ (uint)ids[i + k]) * 0x9E3779B97F4A7C15UL;
            int slot = (int)((h ^ (h >> 29)) & (ulong)mask);
            while (true)
            {
                if (_slotStamp[slot] != _stamp)
                {
                    _slotStamp[slot] = _stamp;
                    _slotEntry[slot] = entries;
                    _entryFirst[entries] = i;
                    _entryCount[entries++] = 1;
                    break;
                }
                int e = _slotEntry[slot];
                if (ids.AsSpan(_entryFirst[e], n).SequenceEqual(ids.AsSpan(i, n)))
                {
                    _entryCount[e]++;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        // Entries are numbered in order of first appearance, so the first maximum is the one datatrove reports.
        int best = 0;
        for (int e = 1; e < entries; e++) if (_entryCount[e] > _entryCount[best]) best = e;
        int pos = _entryFirst[best];
        long gramLength = _cpPrefix[pos + n] - _cpPrefix[pos] + (n - 1);
        return gramLength * _entryCount[best];
    }

    private int[] _slotEntry = new int[1024];
    private uint[] _slotStamp = new uint[1024];
    private uint _stamp;
    private int[] _entryFirst = new int[512];
    private int[] _entryCount = new int[512];

    /// <summary>datatrove's find_all_duplicate: code points of repeated n-grams ("".join), skipping n words after each repeat.</summary>
    public long DuplicatedNGramChars(int n)
    {
        if (n < 1 || _wordCount < n) return 0;
        PrepareRollingHashes(n);
        _seen.Clear(_wordCount);
        long repeated = 0;
        int idx = 0;
        while (idx < _wordCount - n + 1)
        {
            // The 61-bit polynomial hash of the concatenation, with its length in chars in the top bits.
            if (!_seen.Add(_rollHash[idx] ^ ((ulong)_rollChars[idx] << 61)))
            {
                repeated += _cpPrefix[idx + n] - _cpPrefix[idx];
                idx += n;
            }
            else idx++;
        }
        return repeated;
    }

    // _rollHash[i] / _rollChars[i] describe "".join(words[i:i+n]); consecutive n (5, 6, ... 10) extend the
    // previous arrays by one word each, so the whole series costs O(words) per n instead of O(words × n).
    private void PrepareRollingHashes(int n)
    {
        int positions = _wordCount - n + 1;
        if (_rollHash.Length < _wordCount) { _rollHash = new ulong[_wordCount]; _rollChars = new int[_wordCount]; _rollN = 0; }
        if (_rollN == n) return;
        if (_rollN == n - 1 && _rollN > 0)
        {
            for (int i = 0; i < positions; i++)
            {
                int k = i + n - 1;
                _rollHash[i] = AddMod(MulMod(_rollHash[i], _wordPower[k]), _wordHash[k]);
                _rollChars[i] += _wordChars[k];
            }
        }
        else
        {
            for (int i = 0; i < positions; i++)
            {
                ulong hash = 0;
                int chars = 0;
                for (int k = i; k < i + n; k++)
                {
                    hash = AddMod(MulMod(hash, _wordPower[k]), _wordHash[k]);
                    chars += _wordChars[k];
                }
                _rollHash[i] = hash;
                _rollChars[i] = chars;
            }
        }
        _rollN = n;
    }

    private ulong[] _rollHash = new ulong[256];
    private int[] _rollChars = new int[256];
    private int _rollN;

    private static readonly ulong[] SmallPowers = BuildSmallPowers();

    private static ulong[] BuildSmallPowers()
    {
        var powers = new ulong[64];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++) powers[i] = MulMod(powers[i - 1], Base);
        return powers;
    }

    private static ulong PowerOfBase(int exponent)
    {
        if (exponent < SmallPowers.Length) return SmallPowers[exponent];
        ulong result = 1, b = Base;
        for (int e = exponent; e > 0; e >>= 1, b = MulMod(b, b)) if ((e & 1) != 0) result = MulMod(result, b);
        return result;
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
