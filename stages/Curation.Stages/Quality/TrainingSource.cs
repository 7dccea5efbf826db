namespace Curation.Stages.Quality;

/// <summary>
/// Where one class's examples come from: JSONL (or any readable) globs, optionally only documents whose metadata
/// <see cref="WhereKey"/> equals <see cref="WhereValue"/> (e.g. <c>domain=email-ham</c>).
/// </summary>
public sealed record TrainingSource(IReadOnlyList<string> Globs, string? WhereKey = null, string? WhereValue = null)
{
    /// <summary>Parses a <c>key=value</c> predicate; null when <paramref name="predicate"/> is null or empty.</summary>
    public static (string Key, string Value)? ParsePredicate(string? predicate)
    {
        if (string.IsNullOrEmpty(predicate)) return null;
        var eq = predicate.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new ArgumentException($"'{predicate}' is not a key=value predicate");
        return (predicate[..eq], predicate[(eq + 1)..]);
    }

    public override string ToString() =>
        string.Join(" ", Globs) + (WhereKey is null ? "" : $" where {WhereKey}={WhereValue}");
}
