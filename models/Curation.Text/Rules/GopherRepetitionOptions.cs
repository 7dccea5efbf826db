namespace Curation.Text.Rules;

/// <summary>Thresholds of <see cref="GopherRepetitionRule"/>; defaults are datatrove's (Gopher paper, table A1). Null disables a check.</summary>
public sealed record GopherRepetitionOptions
{
    /// <summary>The dup line frac setting.</summary>
    public double? DupLineFrac { get; init; } = 0.3;
    /// <summary>The dup para frac setting.</summary>
    public double? DupParaFrac { get; init; } = 0.3;
    /// <summary>The dup line char frac setting.</summary>
    public double? DupLineCharFrac { get; init; } = 0.2;
    /// <summary>The dup para char frac setting.</summary>
    public double? DupParaCharFrac { get; init; } = 0.2;
    /// <summary>(n, maximum character share of the most frequent n-gram).</summary>
    public IReadOnlyList<(int N, double MaxFraction)> TopNGrams { get; init; } = [(2, 0.2), (3, 0.18), (4, 0.16)];
    /// <summary>(n, maximum character share of duplicated n-grams).</summary>
    public IReadOnlyList<(int N, double MaxFraction)> DupNGrams { get; init; } =
        [(5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10)];
}
