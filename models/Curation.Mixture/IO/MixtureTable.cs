namespace Curation.Mixture.IO;

/// <summary>
/// Proxy runs as a table: one row per run with its domain weights and its measured targets (e.g. validation
/// loss per domain), and an optional run id. This is what <see cref="MixtureCsv"/> reads and writes.
/// </summary>
public sealed class MixtureTable
{
    /// <summary>Creates a table, checking that every row has one value per domain and per target.</summary>
    public MixtureTable(IReadOnlyList<string> domains, IReadOnlyList<string> targets, IReadOnlyList<double[]> weights,
        IReadOnlyList<double[]> targetValues, IReadOnlyList<string>? runIds = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(targetValues);
        if (domains.Count == 0) throw new ArgumentException("a mixture table needs at least one domain", nameof(domains));
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in domains.Concat(targets))
            if (!names.Add(name)) throw new ArgumentException($"column '{name}' appears twice", nameof(domains));
        if (targetValues.Count != weights.Count) throw new ArgumentException($"{weights.Count} weight rows but {targetValues.Count} target rows", nameof(targetValues));
        if (runIds is not null && runIds.Count != weights.Count) throw new ArgumentException($"{weights.Count} rows but {runIds.Count} run ids", nameof(runIds));
        for (var r = 0; r < weights.Count; r++)
        {
            if (weights[r].Length != domains.Count) throw new ArgumentException($"row {r} has {weights[r].Length} weights for {domains.Count} domains", nameof(weights));
            if (targetValues[r].Length != targets.Count) throw new ArgumentException($"row {r} has {targetValues[r].Length} targets for {targets.Count} target columns", nameof(targetValues));
        }
        Domains = [.. domains];
        Targets = [.. targets];
        Weights = [.. weights];
        TargetValues = [.. targetValues];
        RunIds = runIds is null ? null : [.. runIds];
    }

    /// <summary>Domain names (weight columns).</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Target names (e.g. "val_loss/web").</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Weights per run, in <see cref="Domains"/> order.</summary>
    public IReadOnlyList<double[]> Weights { get; }

    /// <summary>Targets per run, in <see cref="Targets"/> order.</summary>
    public IReadOnlyList<double[]> TargetValues { get; }

    /// <summary>Run ids, when the table has an id column.</summary>
    public IReadOnlyList<string>? RunIds { get; }

    /// <summary>Number of runs.</summary>
    public int Count => Weights.Count;

    /// <summary>The values of one target column, for fitting a regressor.</summary>
    public double[] Target(string name)
    {
        for (var t = 0; t < Targets.Count; t++)
            if (string.Equals(Targets[t], name, StringComparison.Ordinal))
                return Weights.Select((_, r) => TargetValues[r][t]).ToArray();
        throw new KeyNotFoundException($"no target column '{name}' (targets: {string.Join(", ", Targets)})");
    }
}
