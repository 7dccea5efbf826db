namespace Curation.Mixture.Statistics;

/// <summary>Spearman rank correlation with tied values given their average rank (as scipy.stats.spearmanr).</summary>
public static class RankCorrelation
{
    /// <summary>
    /// Pearson correlation of the ranks of <paramref name="x"/> and <paramref name="y"/>; NaN when either is
    /// constant (no ranking to correlate), like scipy.
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"{x.Count} values against {y.Count}", nameof(y));
        if (x.Count < 2) throw new ArgumentException("need at least two pairs", nameof(x));
        return Pearson(Ranks(x), Ranks(y));
    }

    /// <summary>1-based ranks; a group of equal values shares the mean of the ranks it spans.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(values[i])) throw new ArgumentException($"value {i} is NaN", nameof(values));
            order[i] = i;
        }
        Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : a.CompareTo(b));
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>Pearson correlation coefficient.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var n = x.Count;
        double mx = 0, my = 0;
        for (var i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n; my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) return double.NaN;
        return sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Mean squared error between predictions and targets.</summary>
    public static double MeanSquaredError(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        if (predicted.Count != actual.Count) throw new ArgumentException($"{predicted.Count} predictions against {actual.Count} targets", nameof(actual));
        if (predicted.Count == 0) throw new ArgumentException("no values", nameof(predicted));
        var s = 0.0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var e = predicted[i] - actual[i];
            s += e * e;
        }
        return s / predicted.Count;
    }
}
