namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// The trees of a fitted model flattened for bulk scoring (the optimum search scores a million mixtures). Every
/// leaf becomes a node whose test always fails and whose both children are itself, so each tree is walked a fixed
/// number of steps (its depth) without data-dependent branches, and a block of rows advances one level at a time,
/// giving the CPU independent loads to overlap.
/// </summary>
internal sealed class CompiledForest
{
    private const int Block = 64;
    private readonly int[] _feature;
    private readonly double[] _threshold;
    private readonly int[] _children;
    private readonly double[] _value;
    private readonly int[] _root;
    private readonly int[] _depth;

    public CompiledForest(IReadOnlyList<RegressionTree> trees)
    {
        var total = trees.Sum(t => t.Feature.Length + t.LeafCount);
        _feature = new int[total];
        _threshold = new double[total];
        _children = new int[2 * total];
        _value = new double[total];
        _root = new int[trees.Count];
        _depth = new int[trees.Count];
        var next = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var internalCount = tree.Feature.Length;
            var baseIndex = next;
            int Map(int child) => child >= 0 ? baseIndex + child : baseIndex + internalCount + ~child;
            for (var k = 0; k < internalCount; k++)
            {
                _feature[baseIndex + k] = tree.Feature[k];
                _threshold[baseIndex + k] = tree.Threshold[k];
                _children[2 * (baseIndex + k)] = Map(tree.Left[k]);
                _children[2 * (baseIndex + k) + 1] = Map(tree.Right[k]);
            }
            for (var l = 0; l < tree.LeafCount; l++)
            {
                var node = baseIndex + internalCount + l;
                _threshold[node] = double.PositiveInfinity;
                _children[2 * node] = node;
                _children[2 * node + 1] = node;
                _value[node] = tree.LeafValue[l];
            }
            _root[t] = baseIndex;
            _depth[t] = Depth(tree, 0);
            next += internalCount + tree.LeafCount;
        }
    }

    /// <summary>Adds every tree's output to <paramref name="output"/> for rows stored row-major.</summary>
    public void AddPredictions(ReadOnlySpan<double> rowMajor, int featureCount, Span<double> output)
    {
        Span<int> nodes = stackalloc int[Block];
        for (var start = 0; start < output.Length; start += Block)
        {
            var count = Math.Min(Block, output.Length - start);
            var rows = rowMajor.Slice(start * featureCount, count * featureCount);
            for (var t = 0; t < _root.Length; t++)
            {
                nodes[..count].Fill(_root[t]);
                for (var level = 0; level < _depth[t]; level++)
                {
                    for (var r = 0; r < count; r++)
                    {
                        var node = nodes[r];
                        var goRight = rows[r * featureCount + _feature[node]] > _threshold[node] ? 1 : 0;
                        nodes[r] = _children[2 * node + goRight];
                    }
                }
                for (var r = 0; r < count; r++) output[start + r] += _value[nodes[r]];
            }
        }
    }

    private static int Depth(RegressionTree tree, int child)
    {
        if (tree.Feature.Length == 0 || child < 0) return 0;
        return 1 + Math.Max(Depth(tree, tree.Left[child]), Depth(tree, tree.Right[child]));
    }
}
