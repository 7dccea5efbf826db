namespace Curation.Mixture.Regression.Gbdt;

/// <summary>
/// One fitted tree in LightGBM's flat layout: internal node k tests feature[k] ≤ threshold[k]; a child index
/// below zero is a leaf (~child). A tree without splits has one leaf and no nodes.
/// </summary>
internal sealed class RegressionTree
{
    public RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] leafValue)
    {
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        LeafValue = leafValue;
    }

    public int[] Feature { get; }
    public double[] Threshold { get; }
    public int[] Left { get; }
    public int[] Right { get; }
    public double[] LeafValue { get; }

    public int LeafCount => LeafValue.Length;

    public double Predict(ReadOnlySpan<double> x)
    {
        if (Feature.Length == 0) return LeafValue[0];
        var node = 0;
        while (node >= 0) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        return LeafValue[~node];
    }
}
