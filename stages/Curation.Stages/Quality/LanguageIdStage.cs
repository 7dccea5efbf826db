using Curation.FastText;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Quality;

/// <summary>
/// <c>lang.fasttext</c>: identifies each document's language with a fastText model (datatrove's LanguageFilter):
/// writes <c>language</c> and <c>language_score</c>, drops documents whose score is not above the threshold
/// (<c>language_score_below_threshold</c>) or whose language is not in the keep-list (<c>language_not_kept</c>).
/// Newlines are replaced by spaces before prediction, as datatrove does (fastText would otherwise read only the
/// first line).
/// </summary>
public sealed class LanguageIdStage : FilterStage
{
    private readonly LanguageIdOptions _options;
    private readonly string _id;
    private readonly HashSet<string> _keep;
    private readonly Lazy<LanguageIdentifier> _identifier;

    /// <summary>Checks a configured model file exists (a config error otherwise); loading waits for the first document.</summary>
    public LanguageIdStage(LanguageIdOptions options, string id)
    {
        if (!string.IsNullOrEmpty(options.Model) && !File.Exists(options.Model))
            throw new ArgumentException($"language-id model not found: {Path.GetFullPath(options.Model)}");
        _options = options;
        _id = id;
        _keep = new HashSet<string>(options.Languages.Select(StripLabel), StringComparer.Ordinal);
        _identifier = new Lazy<LanguageIdentifier>(() => ModelCache.Language(options.Model));
    }

    public override string Id => _id;

    /// <summary>The top language and its fastText score for a text (newlines read as spaces).</summary>
    public LanguageGuess Identify(string text) => _identifier.Value.Identify(text.Replace('\n', ' '));

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        var guess = Identify(document.Text);
        var annotated = document.Metadata.With(
        [
            new(_options.LanguageKey, MetaValue.From(guess.Language)),
            new(_options.ScoreKey, MetaValue.From((double)guess.Score)),
        ]);
        var doc = document with { Metadata = annotated };
        context.Stats.Observe(_options.ScoreKey, guess.Score, 0, 1, 50);
        context.Stats.Histograms[_options.ScoreKey].Threshold = _options.Threshold;
        if (!(guess.Score > _options.Threshold) && _options.Threshold > 0) return FilterResult.Drop($"{_options.ScoreKey}_below_threshold", doc);
        if (_keep.Count > 0 && !_keep.Contains(guess.Language)) return FilterResult.Drop($"{_options.LanguageKey}_not_kept", doc);
        return FilterResult.KeepAs(doc);
    }

    private static string StripLabel(string code) => code.StartsWith("__label__", StringComparison.Ordinal) ? code["__label__".Length..] : code;
}
