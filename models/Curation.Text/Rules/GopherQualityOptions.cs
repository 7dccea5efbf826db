namespace Curation.Text.Rules;

/// <summary>Thresholds of <see cref="GopherQualityRule"/>; defaults are datatrove's. A null (or 0) threshold disables its check, as in datatrove.</summary>
public sealed record GopherQualityOptions
{
    public int? MinDocWords { get; init; } = 50;
    public int? MaxDocWords { get; init; } = 100_000;
    public double? MinAvgWordLength { get; init; } = 3;
    public double? MaxAvgWordLength { get; init; } = 10;
    public double? MaxSymbolWordRatio { get; init; } = 0.1;
    public double? MaxBulletLinesRatio { get; init; } = 0.9;
    public double? MaxEllipsisLinesRatio { get; init; } = 0.3;
    /// <summary>Despite datatrove's name, the minimum share of words that contain a letter.</summary>
    public double? MaxNonAlphaWordsRatio { get; init; } = 0.8;
    public int? MinStopWords { get; init; } = 2;
    public IReadOnlyList<string> StopWords { get; init; } = ["the", "be", "to", "of", "and", "that", "have", "with"];
}
