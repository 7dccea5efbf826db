using Curation.Pipeline.Config;

namespace Curation.Stages.Rephrase;

/// <summary>Options of the <c>rephrase.postfilter</c> stage.</summary>
public sealed class RephrasePostFilterOptions : IConfigValidatable
{
    /// <summary>A fastText classifier (.bin or .ftz).</summary>
    public string Model { get; set; } = "";

    /// <summary>The label whose probability is the score (e.g. <c>hq</c> or <c>__label__hq</c>).</summary>
    public string Label { get; set; } = "";

    /// <summary>Keep this top fraction of the task's rewrites by score (REWIRE keeps 0.1). Buffers the task's documents.</summary>
    public double? KeepFraction { get; set; }

    /// <summary>Keep rewrites scoring at least this (a threshold computed beforehand, e.g. across all shards).</summary>
    public double? MinScore { get; set; }

    /// <summary>The metadata key the score is written to.</summary>
    public string ScoreKey { get; set; } = "rephrase_score";

    /// <summary>Score only rewrites (documents with <c>parent_id</c>); others pass through untouched.</summary>
    public bool OnlyRewrites { get; set; } = true;

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Model)) errors.Add($"{path}.model", "set the fastText model file");
        if (string.IsNullOrWhiteSpace(Label)) errors.Add($"{path}.label", "set the positive label (e.g. hq)");
        if (KeepFraction is null == MinScore is null) errors.Add(path, "set exactly one of keep_fraction (per-task top fraction) and min_score (a fixed threshold)");
        if (KeepFraction is <= 0 or > 1) errors.Add($"{path}.keep_fraction", "must be within (0, 1]");
        if (string.IsNullOrWhiteSpace(ScoreKey)) errors.Add($"{path}.score_key", "must name a metadata key");
    }
}
