namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// Maps each feature to at most 255 histogram bins. With few distinct values each value gets its own bin;
/// otherwise bins hold about equal numbers of rows. A bin's upper bound is the midpoint to the next bin's
/// smallest value, so a split "bin ≤ b" is the raw test "x ≤ UpperBound(b)" on unseen mixtures too.
/// </summary>
internal sealed class FeatureBinner
{
    private readonly double[][] _upperBounds;

    private FeatureBinner(double[][] upperBounds) => _upperBounds = upperBounds;

    public int FeatureCount => _upperBounds.Length;

    /// <summary>Bins of feature <paramref name="f"/> (upper bounds + the open last bin).</summary>
    public int BinCount(int f) => _upperBounds[f].Length + 1;

    public double UpperBound(int f, int bin) => _upperBounds[f][bin];

    public static FeatureBinner Fit(IReadOnlyList<double[]> rows, IReadOnlyList<int> rowIndices, int featureCount, int maxBins)
    {
        var bounds = new double[featureCount][];
        var values = new double[rowIndices.Count];
        for (var f = 0; f < featureCount; f++)
        {
            for (var i = 0; i < values.Length; i++) values[i] = rows[rowIndices[i]][f];
            Array.Sort(values);
            var distinct = new List<double>();
            var counts = new List<int>();
            foreach (var v in values)
            {
                if (distinct.Count > 0 && distinct[^1] == v) counts[^1]++;
                else { distinct.Add(v); counts.Add(1); }
            }
            bounds[f] = Bounds(distinct, counts, values.Length, maxBins);
        }
        return new FeatureBinner(bounds);
    }

    private static double[] Bounds(List<double> distinct, List<int> counts, int n, int maxBins)
    {
        var result = new List<double>();
        if (distinct.Count <= maxBins)
        {
            for (var k = 0; k + 1 < distinct.Count; k++) result.Add(Midpoint(distinct[k], distinct[k + 1]));
            return [.. result];
        }
        // Equal-frequency bins: close a bin once the running count passes the next quantile.
        var cumulative = 0;
        for (var k = 0; k + 1 < distinct.Count && result.Count < maxBins - 1; k++)
        {
            cumulative += counts[k];
            if (cumulative >= (long)(result.Count + 1) * n / maxBins) result.Add(Midpoint(distinct[k], distinct[k + 1]));
        }
        return [.. result];
    }

    private static double Midpoint(double a, double b)
    {
        var m = a + (b - a) / 2;
        // Midpoints of adjacent doubles can round up to b; the bound must stay below b so b lands in the next bin.
        return m < b ? m : a;
    }

    /// <summary>The bin of <paramref name="value"/> for feature <paramref name="f"/>: the first bin whose upper bound is ≥ value.</summary>
    public byte BinOf(int f, double value)
    {
        var ub = _upperBounds[f];
        int lo = 0, hi = ub.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ub[mid] >= value) hi = mid;
            else lo = mid + 1;
        }
        return (byte)lo;
    }

    /// <summary>Bins the given rows column-major: result[f × rowCount + i].</summary>
    public byte[] BinColumns(IReadOnlyList<double[]> rows, IReadOnlyList<int> rowIndices)
    {
        var n = rowIndices.Count;
        var bins = new byte[FeatureCount * n];
        for (var f = 0; f < FeatureCount; f++)
            for (var i = 0; i < n; i++) bins[f * n + i] = BinOf(f, rows[rowIndices[i]][f]);
        return bins;
    }
}
