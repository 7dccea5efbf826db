using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Curation.Tokenizers.Bpe;

/// <summary>
/// Byte string → id map with lookups by span (no allocation): open addressing over one byte arena.
/// Also keeps id → bytes for decoding.
/// </summary>
internal sealed class TokenTable
{
    private readonly byte[] _arena;
    private readonly int[] _offsets;   // by id: start in arena; -1 when the id has no token
    private readonly int[] _lengths;
    private readonly int[] _slots;     // id + 1, 0 = empty
    private readonly int _mask;

    /// <summary>Builds the table; <paramref name="tokens"/>[id] is the byte string of id (null for unused ids).</summary>
    public TokenTable(IReadOnlyList<byte[]?> tokens)
    {
        var total = 0L;
        foreach (var t in tokens) total += t?.Length ?? 0;
        _arena = new byte[total];
        _offsets = new int[tokens.Count];
        _lengths = new int[tokens.Count];
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, tokens.Count * 2));
        _slots = new int[capacity];
        _mask = capacity - 1;
        var pos = 0;
        for (var id = 0; id < tokens.Count; id++)
        {
            var t = tokens[id];
            if (t is null) { _offsets[id] = -1; continue; }
            t.CopyTo(_arena, pos);
            _offsets[id] = pos;
            _lengths[id] = t.Length;
            pos += t.Length;
            if (TryGet(t, out var existing))
                throw new TokenizerFormatException($"token id {id} repeats the bytes of id {existing}");
            var slot = (int)Hash(t) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = id + 1;
        }
    }

    /// <summary>One more than the largest id.</summary>
    public int Count => _offsets.Length;

    /// <summary>The bytes of <paramref name="id"/>; empty for an id outside the table or without a token.</summary>
    public ReadOnlySpan<byte> Bytes(int id) =>
        (uint)id < (uint)_offsets.Length && _offsets[id] >= 0 ? _arena.AsSpan(_offsets[id], _lengths[id]) : default;

    /// <summary>Whether <paramref name="id"/> names a token.</summary>
    public bool Contains(int id) => (uint)id < (uint)_offsets.Length && _offsets[id] >= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<byte> key, out int id) => TryGet(key, Hash(key), out id);

    /// <summary>Lookup with a hash the caller already computed with <see cref="Hash"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(ReadOnlySpan<byte> key, ulong hash, out int id)
    {
        var slot = (int)hash & _mask;
        while (true)
        {
            var v = _slots[slot];
            if (v == 0) { id = -1; return false; }
            var candidate = v - 1;
            if (_lengths[candidate] == key.Length && _arena.AsSpan(_offsets[candidate], key.Length).SequenceEqual(key))
            {
                id = candidate;
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>A fast, well-mixed hash of a short byte string (8 bytes per step).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> key)
    {
        const ulong k = 0x9E3779B97F4A7C15UL;
        var h = (ulong)key.Length * k;
        ref var start = ref MemoryMarshal.GetReference(key);
        var i = 0;
        for (; i + 8 <= key.Length; i += 8)
            h = BitOperations.RotateLeft((h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i))) * k, 29);
        if (i < key.Length)
        {
            ulong tail = 0;
            for (var j = key.Length - 1; j >= i; j--) tail = (tail << 8) | Unsafe.Add(ref start, j);
            h = BitOperations.RotateLeft((h ^ tail) * k, 29);
        }
        h ^= h >> 32;
        h *= k;
        return h ^ (h >> 29);
    }
}
