namespace Curation.Text.Internal;

/// <summary>An open-addressing set of 64-bit keys, cleared in O(1) with generation stamps; reused across documents.</summary>
internal sealed class UInt64Set
{
    private ulong[] _keys = new ulong[1024];
    private uint[] _stamps = new uint[1024];
    private uint _generation = 1;
    private int _count;

    public void Clear(int expected)
    {
        _count = 0;
        int needed = 1024;
        while (needed < expected * 2) needed <<= 1;
        if (needed > _keys.Length || (_keys.Length > 1 << 16 && needed * 8 < _keys.Length))
        {
            _keys = new ulong[needed];
            _stamps = new uint[needed];
            _generation = 1;
            return;
        }
        if (++_generation == 0)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>Adds the key; false when it was already present.</summary>
    public bool Add(ulong key)
    {
        if (_count * 2 >= _keys.Length) Grow();
        int mask = _keys.Length - 1;
        int slot = (int)(Mix(key) & (ulong)mask);
        while (_stamps[slot] == _generation)
        {
            if (_keys[slot] == key) return false;
            slot = (slot + 1) & mask;
        }
        _stamps[slot] = _generation;
        _keys[slot] = key;
        _count++;
        return true;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldStamps = _stamps;
        uint oldGeneration = _generation;
        _keys = new ulong[oldKeys.Length * 2];
        _stamps = new uint[oldKeys.Length * 2];
        _generation = 1;
        _count = 0;
        for (int i = 0; i < oldKeys.Length; i++) if (oldStamps[i] == oldGeneration) Add(oldKeys[i]);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}
