using Curation.Pipeline.Config;

namespace Curation.Stages.Quality;

/// <summary>Options of <see cref="QualityThresholdFilter"/> (<c>filter.quality_threshold</c>).</summary>
public sealed class QualityThresholdOptions : IConfigValidatable
{
    /// <summary>The metadata key holding the score (written by <c>quality.fasttext</c> or any other scorer).</summary>
    public string Key { get; set; } = "quality_score";

    /// <summary>Keep documents whose score is ≥ this.</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Optional upper end of a band: keep only scores ≤ this too.</summary>
    public double? Max { get; set; }

    /// <summary>Keep documents that have no numeric score (default: drop them with reason <c>missing_&lt;key&gt;</c>).</summary>
    public bool KeepMissing { get; set; }

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Key)) errors.Add($"{path}.key", "set the metadata key holding the score");
        if (double.IsNaN(Threshold)) errors.Add($"{path}.threshold", "must be a number");
        if (Max is { } m && !(m >= Threshold)) errors.Add($"{path}.max", "must be ≥ threshold");
    }
}
