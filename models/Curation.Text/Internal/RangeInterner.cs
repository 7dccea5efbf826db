namespace Curation.Text.Internal;

/// <summary>
/// Assigns dense ids to distinct substrings of one source text, keyed by their ranges; open addressing,
/// no per-entry allocation, reusable across texts with <see cref="Reset"/>.
/// </summary>
internal sealed class RangeInterner
{
    private int[] _slots = new int[256];      // id + 1, 0 = empty
    private Range[] _ranges = new Range[128];
    private int[] _hashes = new int[128];
    private int _count;
    private string _source = "";

    /// <summary>Count.</summary>
    public int Count => _count;

    public void Reset(string source)
    {
        _source = source;
        // After a large document, a table far bigger than the last use is replaced rather than cleared, so a
        // stream of small documents does not pay for clearing it every time.
        if (_slots.Length > 4096 && _count * 8 < _slots.Length) { _slots = new int[256]; _ranges = new Range[128]; _hashes = new int[128]; }
        else if (_count > 0) Array.Clear(_slots);
        _count = 0;
    }

    /// <summary>Returns the id of the substring and whether it was seen before.</summary>
    public int Intern(Range range, out bool existed)
    {
        var span = _source.AsSpan()[range];
        int hash = string.GetHashCode(span);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0) break;
            int id = entry - 1;
            if (_hashes[id] == hash && _source.AsSpan()[_ranges[id]].SequenceEqual(span))
            {
                existed = true;
                return id;
            }
            slot = (slot + 1) & mask;
        }
        existed = false;
        if (_count == _ranges.Length)
        {
            Array.Resize(ref _ranges, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
        }
        int newId = _count++;
        _ranges[newId] = range;
        _hashes[newId] = hash;
        _slots[slot] = newId + 1;
        if (_count * 2 > _slots.Length) Grow();
        return newId;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        int mask = _slots.Length - 1;
        for (int id = 0; id < _count; id++)
        {
            int slot = _hashes[id] & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = id + 1;
        }
    }
}
