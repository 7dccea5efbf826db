using Curation.Pipeline.Config;

namespace Curation.Stages.Rephrase;

/// <summary>
/// Which documents are rewritten: those whose numeric metadata <see cref="Key"/> lies in a band, given as absolute
/// values (<see cref="Min"/>/<see cref="Max"/>, inclusive) or as percentiles of the task's own documents
/// (<see cref="PercentileMin"/>/<see cref="PercentileMax"/> in [0, 100], which buffers the task's documents).
/// Documents without the key are never selected.
/// </summary>
public sealed class RephraseSelectionConfig : IConfigValidatable
{
    public string Key { get; set; } = "";
    public double? Min { get; set; }
    public double? Max { get; set; }
    public double? PercentileMin { get; set; }
    public double? PercentileMax { get; set; }

    /// <summary>True when the band is given in percentiles, computed per task.</summary>
    public bool UsesPercentiles => PercentileMin is not null || PercentileMax is not null;

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Key)) errors.Add($"{path}.key", "set the numeric metadata key to select on (e.g. quality_score)");
        if (Min is null && Max is null && !UsesPercentiles) errors.Add(path, "set min and/or max, or percentile_min and/or percentile_max");
        if (UsesPercentiles && (Min is not null || Max is not null)) errors.Add(path, "give the band as values (min/max) or as percentiles, not both");
        if (Min is { } lo && Max is { } hi && lo > hi) errors.Add(path, $"min {lo} is above max {hi}");
        if (PercentileMin is < 0 or > 100) errors.Add($"{path}.percentile_min", "must be within [0, 100]");
        if (PercentileMax is < 0 or > 100) errors.Add($"{path}.percentile_max", "must be within [0, 100]");
        if (PercentileMin is { } pl && PercentileMax is { } ph && pl > ph) errors.Add(path, $"percentile_min {pl} is above percentile_max {ph}");
    }
}
