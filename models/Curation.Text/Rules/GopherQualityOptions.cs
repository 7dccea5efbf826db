namespace Curation.Text.Rules;

/// <summary>Thresholds of <see cref="GopherQualityRule"/>; defaults are datatrove's. A null (or 0) threshold disables its check, as in datatrove.</summary>
public sealed record GopherQualityOptions
{
    /// <summary>The min doc words setting.</summary>
    public int? MinDocWords { get; init; } = 50;
    /// <summary>The max doc words setting.</summary>
    public int? MaxDocWords { get; init; } = 100_000;
    /// <summary>The min avg word length setting.</summary>
    public double? MinAvgWordLength { get; init; } = 3;
    /// <summary>The max avg word length setting.</summary>
    public double? MaxAvgWordLength { get; init; } = 10;
    /// <summary>The max symbol word ratio setting.</summary>
    public double? MaxSymbolWordRatio { get; init; } = 0.1;
    /// <summary>The max bullet lines ratio setting.</summary>
    public double? MaxBulletLinesRatio { get; init; } = 0.9;
    /// <summary>The max ellipsis lines ratio setting.</summary>
    public double? MaxEllipsisLinesRatio { get; init; } = 0.3;
    /// <summary>Despite datatrove's name, the minimum share of words that contain a letter.</summary>
    public double? MaxNonAlphaWordsRatio { get; init; } = 0.8;
    /// <summary>The min stop words setting.</summary>
    public int? MinStopWords { get; init; } = 2;
    /// <summary>The stop words setting.</summary>
    public IReadOnlyList<string> StopWords { get; init; } = ["the", "be", "to", "of", "and", "that", "have", "with"];
}
