namespace Curation.FastText.Model;

/// <summary>
/// fastText's top-k heap of (log-probability, label) pairs, implemented with libstdc++'s exact push_heap,
/// pop_heap and sort_heap steps so that ties come out in the same order as in fastText.
/// </summary>
internal sealed class PredictionHeap
{
    private (float Score, int Label)[] _items = new (float, int)[8];

    public int Count { get; private set; }

    public (float Score, int Label) this[int i] => _items[i];

    public (float Score, int Label) Front => _items[0];

    public void Clear() => Count = 0;

    /// <summary>fastText's comparePairs: "a before b" when a's score is larger, which makes a min-heap.</summary>
    private static bool Less((float Score, int Label) a, (float Score, int Label) b) => a.Score > b.Score;

    public void Push(float score, int label)
    {
        if (Count == _items.Length) Array.Resize(ref _items, Count * 2);
        _items[Count++] = (score, label);
        PushHeap(Count - 1, 0, _items[Count - 1]);
    }

    /// <summary>pop_heap followed by pop_back: removes the smallest score.</summary>
    public void Pop()
    {
        if (Count > 1)
        {
            var last = Count - 1;
            var value = _items[last];
            _items[last] = _items[0];
            AdjustHeap(0, last, value);
        }
        Count--;
    }

    /// <summary>sort_heap: afterwards the items are ordered by descending score.</summary>
    public void Sort()
    {
        for (var last = Count - 1; last > 0; last--)
        {
            var value = _items[last];
            _items[last] = _items[0];
            AdjustHeap(0, last, value);
        }
    }

    private void PushHeap(int hole, int top, (float, int) value)
    {
        var parent = (hole - 1) / 2;
        while (hole > top && Less(_items[parent], value))
        {
            _items[hole] = _items[parent];
            hole = parent;
            parent = (hole - 1) / 2;
        }
        _items[hole] = value;
    }

    private void AdjustHeap(int hole, int len, (float, int) value)
    {
        var top = hole;
        var child = hole;
        while (child < (len - 1) / 2)
        {
            child = 2 * (child + 1);
            if (Less(_items[child], _items[child - 1])) child--;
            _items[hole] = _items[child];
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2)
        {
            child = 2 * (child + 1);
            _items[hole] = _items[child - 1];
            hole = child - 1;
        }
        PushHeap(hole, top, value);
    }
}
