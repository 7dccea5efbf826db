using Curation.FastText;
using Curation.Pipeline.Config;

namespace Curation.Stages.Quality;

/// <summary>Options of <see cref="LanguageIdStage"/> (<c>lang.fasttext</c>).</summary>
public sealed class LanguageIdOptions : IConfigValidatable
{
    /// <summary>A fastText language-id model (lid.176.bin/.ftz or any other); empty: the model shipped with Curation.</summary>
    public string? Model { get; set; }

    /// <summary>Documents whose top language scores ≤ this are dropped (datatrove's and DCLM's 0.65); 0 only annotates.</summary>
    public double Threshold { get; set; } = LanguageIdentifier.DefaultThreshold;

    /// <summary>Languages to keep (codes without <c>__label__</c>, e.g. <c>en</c>); empty keeps every language.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Metadata key of the language code (datatrove's name).</summary>
    public string LanguageKey { get; set; } = "language";

    /// <summary>Metadata key of the top language's score (datatrove's name).</summary>
    public string ScoreKey { get; set; } = "language_score";

    public void Validate(string path, ConfigErrors errors)
    {
        if (Threshold is < 0 or > 1 || double.IsNaN(Threshold)) errors.Add($"{path}.threshold", "must be between 0 and 1");
        if (string.IsNullOrWhiteSpace(LanguageKey)) errors.Add($"{path}.language_key", "must not be empty");
        if (string.IsNullOrWhiteSpace(ScoreKey)) errors.Add($"{path}.score_key", "must not be empty");
    }
}
