using Curation.Pipeline.Config;

namespace Curation.Stages.Quality;

/// <summary>Options of <see cref="FastTextQualityStage"/> (<c>quality.fasttext</c>).</summary>
public sealed class FastTextQualityOptions : IConfigValidatable
{
    /// <summary>The fastText classifier (.bin or .ftz), e.g. one trained by <c>curate quality train</c>.</summary>
    public string Model { get; set; } = "";

    /// <summary>The positive ("high quality") label, with or without the <c>__label__</c> prefix.</summary>
    public string Label { get; set; } = "hq";

    /// <summary>
    /// <c>hq_prob</c> (DCLM: p when the top label is <see cref="Label"/>, else 1 − p) or <c>label_prob</c> (the
    /// probability fastText gives <see cref="Label"/> among all labels; differs from hq_prob with more than two labels).
    /// </summary>
    public string Score { get; set; } = "hq_prob";

    /// <summary>The metadata key the score is written to.</summary>
    public string Key { get; set; } = "quality_score";

    /// <summary>Bins of the score histogram in the report (over [0, 1]).</summary>
    public int HistogramBins { get; set; } = 50;

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Model)) errors.Add($"{path}.model", "set the fastText model file (.bin or .ftz)");
        if (string.IsNullOrWhiteSpace(Label)) errors.Add($"{path}.label", "set the positive label");
        if (string.IsNullOrWhiteSpace(Key)) errors.Add($"{path}.key", "set the metadata key");
        if (Score is not ("hq_prob" or "label_prob")) errors.Add($"{path}.score", "use hq_prob or label_prob");
        if (HistogramBins is < 1 or > 10_000) errors.Add($"{path}.histogram_bins", "must be between 1 and 10000");
    }
}
