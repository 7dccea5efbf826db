namespace Curation.FastText.Model;

/// <summary>Hierarchical softmax over fastText's Huffman tree of label counts.</summary>
internal sealed class HierarchicalSoftmaxLoss : BinaryLogisticLoss
{
    private readonly int _osz;
    private readonly int[][] _paths;
    private readonly bool[][] _codes;
    private readonly (int Parent, int Left, int Right, long Count, bool Binary)[] _tree;

    public HierarchicalSoftmaxLoss(FastTextMatrix wo, long[] counts) : base(wo)
    {
        if (counts.Length == 0) throw new ArgumentException("hierarchical softmax needs at least one target");
        _osz = counts.Length;
        _tree = new (int, int, int, long, bool)[2 * _osz - 1];
        for (var i = 0; i < _tree.Length; i++) _tree[i] = (-1, -1, -1, (long)1e15, false);
        for (var i = 0; i < _osz; i++) _tree[i].Count = counts[i];
        var leaf = _osz - 1;
        var node = _osz;
        Span<int> mini = stackalloc int[2];
        for (var i = _osz; i < 2 * _osz - 1; i++)
        {
            for (var j = 0; j < 2; j++)
                mini[j] = leaf >= 0 && _tree[leaf].Count < _tree[node].Count ? leaf-- : node++;
            // Absurd counts (e.g. from a damaged file) would make a node its own child and the path walk loop.
            if (mini[0] >= i || mini[1] >= i) throw new ArgumentException("label counts cannot form a Huffman tree (damaged counts?)");
            _tree[i].Left = mini[0];
            _tree[i].Right = mini[1];
            _tree[i].Count = _tree[mini[0]].Count + _tree[mini[1]].Count;
            _tree[mini[0]].Parent = i;
            _tree[mini[1]].Parent = i;
            _tree[mini[1]].Binary = true;
        }
        _paths = new int[_osz][];
        _codes = new bool[_osz][];
        for (var i = 0; i < _osz; i++)
        {
            var path = new List<int>();
            var code = new List<bool>();
            for (var j = i; _tree[j].Parent != -1; j = _tree[j].Parent)
            {
                path.Add(_tree[j].Parent - _osz);
                code.Add(_tree[j].Binary);
            }
            _paths[i] = [.. path];
            _codes[i] = [.. code];
        }
    }

    public override float Forward(IntList targets, int targetIndex, ModelState state, float lr, bool backprop)
    {
        var target = targets[targetIndex];
        var loss = 0f;
        var path = _paths[target];
        var code = _codes[target];
        for (var i = 0; i < path.Length; i++) loss += BinaryLogistic(path[i], state, code[i], lr, backprop);
        return loss;
    }

    public override void Predict(int k, float threshold, PredictionHeap heap, ModelState state)
    {
        Dfs(k, threshold, 2 * _osz - 2, 0f, heap, state.Hidden);
        heap.Sort();
    }

    private void Dfs(int k, float threshold, int node, float score, PredictionHeap heap, float[] hidden)
    {
        if (score < StdLog(threshold)) return;
        if (heap.Count == k && score < heap.Front.Score) return;
        if (_tree[node].Left == -1 && _tree[node].Right == -1)
        {
            heap.Push(score, node);
            if (heap.Count > k) heap.Pop();
            return;
        }
        var f = Wo.DotRow(hidden, node - _osz);
        f = (float)(1.0 / (1 + MathF.Exp(-f)));
        Dfs(k, threshold, _tree[node].Left, score + StdLog((float)(1.0 - f)), heap, hidden);
        Dfs(k, threshold, _tree[node].Right, score + StdLog(f), heap, hidden);
    }
}
