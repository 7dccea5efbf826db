namespace Curation.Text.Rules;

/// <summary>Thresholds of <see cref="FineWebQualityRule"/>; defaults are datatrove's FineWebQualityFilter.</summary>
public sealed record FineWebQualityOptions
{
    /// <summary>Minimum share of lines that end in terminal punctuation.</summary>
    public double LinePunctThreshold { get; init; } = 0.12;
    /// <summary>Do not drop documents in which no line ends in terminal punctuation.</summary>
    public bool LinePunctExcludeZero { get; init; }
    /// <summary>Line-end characters; null means datatrove's TERMINAL_PUNCTUATION.</summary>
    public string? StopChars { get; init; }
    /// <summary>Maximum share of short lines.</summary>
    public double ShortLineThreshold { get; init; } = 0.67;
    /// <summary>A line of at most this many characters is short.</summary>
    public int ShortLineLength { get; init; } = 30;
    /// <summary>Maximum share of characters in duplicated lines.</summary>
    public double CharDuplicatesRatio { get; init; } = 0.01;
    /// <summary>Maximum newlines per word.</summary>
    public double NewLineRatio { get; init; } = 0.3;
}
