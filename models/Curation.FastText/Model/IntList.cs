namespace Curation.FastText.Model;

/// <summary>A growable int buffer reused across lines, so feature extraction allocates nothing per line.</summary>
internal sealed class IntList
{
    private int[] _items = new int[64];

    public int Count { get; private set; }

    public Span<int> Span => _items.AsSpan(0, Count);

    public int this[int i] => _items[i];

    public void Clear() => Count = 0;

    public void Add(int value)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = value;
    }

    public void AddRange(ReadOnlySpan<int> values)
    {
        if (Count + values.Length > _items.Length) Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + values.Length));
        values.CopyTo(_items.AsSpan(Count));
        Count += values.Length;
    }

    public bool Contains(int value) => Span.Contains(value);
}
