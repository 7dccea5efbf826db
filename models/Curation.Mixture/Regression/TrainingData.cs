using System.Globalization;

namespace Curation.Mixture.Regression;

/// <summary>Argument checks shared by the regressors, so bad tables fail with one clear message.</summary>
internal static class TrainingData
{
    /// <summary>Checks shape and finiteness and returns the number of features.</summary>
    public static int Validate(IReadOnlyList<double[]> features, IReadOnlyList<double> targets, int minRows = 2)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(targets);
        if (features.Count != targets.Count)
            throw new ArgumentException($"{features.Count} feature rows but {targets.Count} targets", nameof(targets));
        if (features.Count < minRows)
            throw new ArgumentException($"need at least {minRows} rows to fit, got {features.Count}", nameof(features));
        var d = features[0]?.Length ?? throw new ArgumentException("row 0 is null", nameof(features));
        if (d == 0) throw new ArgumentException("rows have no features", nameof(features));
        for (var r = 0; r < features.Count; r++)
        {
            var row = features[r] ?? throw new ArgumentException($"row {r} is null", nameof(features));
            if (row.Length != d) throw new ArgumentException($"row {r} has {row.Length} features, row 0 has {d}", nameof(features));
            foreach (var v in row)
                if (!double.IsFinite(v)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {r} has a non-finite feature {v}"), nameof(features));
            if (!double.IsFinite(targets[r])) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {r} has a non-finite target {targets[r]}"), nameof(targets));
        }
        return d;
    }

    public static void CheckWidth(int expected, int actual)
    {
        if (expected == 0) throw new InvalidOperationException("the regressor has not been fitted");
        if (actual != expected) throw new ArgumentException($"expected {expected} features, got {actual}");
    }
}
