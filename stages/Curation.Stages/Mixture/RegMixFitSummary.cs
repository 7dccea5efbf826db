namespace Curation.Stages.Mixture;

/// <summary>What <c>&lt;id&gt;.fit</c> found (<c>fit/&lt;step&gt;/00000.fit.json</c>): diagnostics and the chosen weights.</summary>
public sealed record RegMixFitSummary
{
    public string Regressor { get; init; } = "";
    public string Target { get; init; } = "";
    /// <summary>Runs fitted (proxy runs with a finite target plus imported runs).</summary>
    public int Runs { get; init; }
    public int ImportedRuns { get; init; }
    /// <summary>Proxy runs left out because their target was not finite (diverged).</summary>
    public List<string> DroppedRuns { get; init; } = [];
    public int Folds { get; init; }
    /// <summary>Spearman ρ of the out-of-fold predictions against the measured targets.</summary>
    public double HeldOutSpearman { get; init; }
    public double HeldOutMse { get; init; }
    public List<double> FoldSpearman { get; init; } = [];
    public double PredictedTarget { get; init; }
    public long SearchEvaluated { get; init; }
    public int TopK { get; init; }
    /// <summary>The chosen mixture, by domain.</summary>
    public Dictionary<string, double> Weights { get; init; } = [];
    /// <summary>The natural mixture (token share), by domain.</summary>
    public Dictionary<string, double> Natural { get; init; } = [];
}
