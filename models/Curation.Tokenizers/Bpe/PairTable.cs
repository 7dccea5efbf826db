using System.Numerics;
using System.Runtime.CompilerServices;

namespace Curation.Tokenizers.Bpe;

/// <summary>
/// (left id, right id) → (merge rank, merged id), open addressing on a packed 64-bit key. For tiktoken
/// encodings the rank is the merged token's own rank; for HF models it is the position in <c>merges</c>.
/// </summary>
internal sealed class PairTable
{
    private readonly ulong[] _keys;   // (left << 32 | right) + 1, 0 = empty
    private readonly int[] _ranks;
    private readonly int[] _merged;
    private readonly int _mask;

    public PairTable(int expectedCount)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expectedCount * 2));
        _keys = new ulong[capacity];
        _ranks = new int[capacity];
        _merged = new int[capacity];
        _mask = capacity - 1;
    }

    public int Count { get; private set; }

    /// <summary>Adds a pair; a pair already present keeps its lower rank (the first merge wins, as in HF).</summary>
    public void Add(int left, int right, int rank, int merged)
    {
        if (Count * 2 >= _keys.Length) throw new InvalidOperationException("pair table is full");
        var key = Key(left, right);
        var slot = Slot(key);
        while (_keys[slot] != 0)
        {
            if (_keys[slot] == key)
            {
                if (rank < _ranks[slot]) { _ranks[slot] = rank; _merged[slot] = merged; }
                return;
            }
            slot = (slot + 1) & _mask;
        }
        _keys[slot] = key;
        _ranks[slot] = rank;
        _merged[slot] = merged;
        Count++;
    }

    /// <summary>The rank of merging <paramref name="left"/> with <paramref name="right"/>, or int.MaxValue.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Rank(int left, int right, out int merged)
    {
        var key = Key(left, right);
        var slot = Slot(key);
        while (true)
        {
            var k = _keys[slot];
            if (k == key) { merged = _merged[slot]; return _ranks[slot]; }
            if (k == 0) { merged = -1; return int.MaxValue; }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Every pair, ordered by rank, then left and right id (for export).</summary>
    public IEnumerable<(int Left, int Right, int Rank, int Merged)> Entries()
    {
        var list = new List<(int, int, int, int)>(Count);
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] == 0) continue;
            var k = _keys[i] - 1;
            list.Add(((int)(k >> 32), (int)(uint)k, _ranks[i], _merged[i]));
        }
        return list.OrderBy(e => e.Item3).ThenBy(e => e.Item1).ThenBy(e => e.Item2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Key(int left, int right) => ((ulong)(uint)left << 32 | (uint)right) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
