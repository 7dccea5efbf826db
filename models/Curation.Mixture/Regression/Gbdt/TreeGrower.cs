namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// Grows one squared-loss tree leaf-wise (best-first, like LightGBM) from gradient histograms. The smaller child
/// of each split is histogrammed from its rows and the larger one is the parent minus the smaller, so a split
/// costs rows(smaller) × features instead of rows(parent) × features. Deterministic: ties go to the lower
/// leaf, feature and bin.
/// </summary>
internal sealed class TreeGrower
{
    private readonly byte[] _bins;
    private readonly int _n;
    private readonly int _d;
    private readonly int[] _offset;
    private readonly int[] _binCount;
    private readonly FeatureBinner _binner;
    private readonly GbdtOptions _options;
    private readonly int _minData;
    private readonly int[] _rows;
    private readonly int[] _buffer;
    private readonly int[] _start, _count, _depth, _parentNode, _histOf;
    private readonly bool[] _isLeft;
    private readonly double[] _sumG;
    private readonly SplitCandidate[] _best;
    private readonly double[][] _histG;
    private readonly int[][] _histC;
    private readonly Stack<int> _freeHist = new();

    public TreeGrower(FeatureBinner binner, byte[] bins, int rowCount, GbdtOptions options)
    {
        _binner = binner;
        _bins = bins;
        _n = rowCount;
        _d = binner.FeatureCount;
        _options = options;
        _minData = options.ResolveMinDataInLeaf(rowCount);
        _offset = new int[_d];
        _binCount = new int[_d];
        var total = 0;
        for (var f = 0; f < _d; f++)
        {
            _offset[f] = total;
            _binCount[f] = binner.BinCount(f);
            total += _binCount[f];
        }
        var leaves = options.NumLeaves;
        _rows = new int[_n];
        _buffer = new int[_n];
        _start = new int[leaves];
        _count = new int[leaves];
        _depth = new int[leaves];
        _parentNode = new int[leaves];
        _histOf = new int[leaves];
        _isLeft = new bool[leaves];
        _sumG = new double[leaves];
        _best = new SplitCandidate[leaves];
        // One histogram per live leaf plus one spare for the child being built.
        _histG = new double[leaves + 1][];
        _histC = new int[leaves + 1][];
        for (var h = 0; h < _histG.Length; h++)
        {
            _histG[h] = new double[total];
            _histC[h] = new int[total];
        }
    }

    /// <summary>Grows a tree on <paramref name="gradients"/>; leaf values include the learning rate. Fills the leaf of every row.</summary>
    public RegressionTree Grow(double[] gradients, int[] rowLeaf)
    {
        _freeHist.Clear();
        for (var h = _histG.Length - 1; h >= 1; h--) _freeHist.Push(h);
        for (var i = 0; i < _n; i++) _rows[i] = i;
        var sum = 0.0;
        for (var i = 0; i < _n; i++) sum += gradients[i];
        _start[0] = 0; _count[0] = _n; _sumG[0] = sum; _depth[0] = 0; _parentNode[0] = -1; _histOf[0] = 0;
        BuildHistogram(0, gradients);
        _best[0] = FindBestSplit(0);

        var feature = new List<int>();
        var threshold = new List<double>();
        var left = new List<int>();
        var right = new List<int>();
        var leaves = 1;
        while (leaves < _options.NumLeaves)
        {
            var leaf = -1;
            for (var l = 0; l < leaves; l++)
                if (_best[l].IsValid && (leaf < 0 || _best[l].Gain > _best[leaf].Gain)) leaf = l;
            if (leaf < 0) break;
            var split = _best[leaf];
            var newLeaf = leaves++;
            var node = feature.Count;
            feature.Add(split.Feature);
            threshold.Add(_binner.UpperBound(split.Feature, split.Bin));
            left.Add(~leaf);
            right.Add(~newLeaf);
            if (_parentNode[leaf] >= 0)
            {
                if (_isLeft[leaf]) left[_parentNode[leaf]] = node;
                else right[_parentNode[leaf]] = node;
            }
            Partition(leaf, newLeaf, split);
            _parentNode[leaf] = node; _isLeft[leaf] = true;
            _parentNode[newLeaf] = node; _isLeft[newLeaf] = false;
            _depth[leaf]++;
            _depth[newLeaf] = _depth[leaf];
            _sumG[newLeaf] = _sumG[leaf] - split.LeftGradient;
            _sumG[leaf] = split.LeftGradient;
            SplitHistograms(leaf, newLeaf, gradients);
            _best[leaf] = FindBestSplit(leaf);
            _best[newLeaf] = FindBestSplit(newLeaf);
        }

        var values = new double[leaves];
        for (var l = 0; l < leaves; l++)
        {
            values[l] = -_sumG[l] / (_count[l] + _options.LambdaL2) * _options.LearningRate;
            for (var k = _start[l]; k < _start[l] + _count[l]; k++) rowLeaf[_rows[k]] = l;
        }
        return new RegressionTree([.. feature], [.. threshold], [.. left], [.. right], values);
    }

    private void Partition(int leaf, int newLeaf, SplitCandidate split)
    {
        var col = split.Feature * _n;
        int s = _start[leaf], c = _count[leaf];
        int nl = 0, nr = 0;
        for (var k = s; k < s + c; k++)
        {
            var row = _rows[k];
            if (_bins[col + row] <= split.Bin) _rows[s + nl++] = row;
            else _buffer[nr++] = row;
        }
        Array.Copy(_buffer, 0, _rows, s + nl, nr);
        _count[leaf] = nl;
        _start[newLeaf] = s + nl;
        _count[newLeaf] = nr;
    }

    private void SplitHistograms(int leaf, int newLeaf, double[] gradients)
    {
        var parentHist = _histOf[leaf];
        var fresh = _freeHist.Pop();
        var smaller = _count[leaf] <= _count[newLeaf] ? leaf : newLeaf;
        var larger = smaller == leaf ? newLeaf : leaf;
        _histOf[smaller] = fresh;
        BuildHistogram(smaller, gradients);
        // The parent's buffer becomes the larger child's: parent − smaller.
        var pg = _histG[parentHist]; var pc = _histC[parentHist];
        var sg = _histG[fresh]; var sc = _histC[fresh];
        for (var b = 0; b < pg.Length; b++)
        {
            pg[b] -= sg[b];
            pc[b] -= sc[b];
        }
        _histOf[larger] = parentHist;
    }

    private void BuildHistogram(int leaf, double[] gradients)
    {
        var hg = _histG[_histOf[leaf]];
        var hc = _histC[_histOf[leaf]];
        Array.Clear(hg);
        Array.Clear(hc);
        int s = _start[leaf], e = s + _count[leaf];
        for (var f = 0; f < _d; f++)
        {
            var col = f * _n;
            var off = _offset[f];
            for (var k = s; k < e; k++)
            {
                var row = _rows[k];
                var b = off + _bins[col + row];
                hg[b] += gradients[row];
                hc[b]++;
            }
        }
    }

    private SplitCandidate FindBestSplit(int leaf)
    {
        var best = SplitCandidate.None;
        var count = _count[leaf];
        if (count < 2 * _minData) return best;
        if (_options.MaxDepth > 0 && _depth[leaf] >= _options.MaxDepth) return best;
        var lambda = _options.LambdaL2;
        var minHess = _options.MinSumHessianInLeaf;
        var g = _sumG[leaf];
        var parentScore = g * g / (count + lambda);
        var hg = _histG[_histOf[leaf]];
        var hc = _histC[_histOf[leaf]];
        for (var f = 0; f < _d; f++)
        {
            var off = _offset[f];
            var gl = 0.0;
            var cl = 0;
            for (var b = 0; b < _binCount[f] - 1; b++)
            {
                gl += hg[off + b];
                cl += hc[off + b];
                if (cl < _minData || cl < minHess) continue;
                var cr = count - cl;
                if (cr < _minData || cr < minHess) break;
                var gr = g - gl;
                var gain = gl * gl / (cl + lambda) + gr * gr / (cr + lambda) - parentScore;
                if (gain > _options.MinGainToSplit && gain > best.Gain)
                    best = new SplitCandidate(gain, f, b, gl);
            }
        }
        return best;
    }

    private readonly record struct SplitCandidate(double Gain, int Feature, int Bin, double LeftGradient)
    {
        public static SplitCandidate None => new(0, -1, 0, 0);

        public bool IsValid => Feature >= 0;
    }
}
