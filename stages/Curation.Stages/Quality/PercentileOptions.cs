using Curation.Pipeline.Config;

namespace Curation.Stages.Quality;

/// <summary>Options of the <c>quality.percentile</c> step kind (under the step's <c>options:</c>).</summary>
public sealed class PercentileOptions : IConfigValidatable
{
    /// <summary>The metadata key holding the score.</summary>
    public string Key { get; set; } = "quality_score";

    /// <summary>Fraction of scored documents kept, highest scores first, across all shards (0.1 = top 10%).</summary>
    public double KeepTop { get; set; } = 0.1;

    /// <summary>
    /// Score grid: scores are compared as <c>floor(score / resolution)</c>, so scores closer than this count as
    /// ties. 0 compares exact double values (the counts files then hold one entry per distinct score).
    /// </summary>
    public double Resolution { get; set; } = 1e-6;

    /// <summary>Keep documents without a numeric score (default: drop them with reason <c>missing_&lt;key&gt;</c>).</summary>
    public bool KeepMissing { get; set; }

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Key)) errors.Add($"{path}.key", "set the metadata key holding the score");
        if (!(KeepTop is > 0 and <= 1)) errors.Add($"{path}.keep_top", "must be in (0, 1]");
        if (!(Resolution >= 0) || double.IsInfinity(Resolution)) errors.Add($"{path}.resolution", "must be ≥ 0 (0 = exact scores)");
    }
}
