using System.Reflection;

namespace Curation.FastText;

/// <summary>
/// Language identification with any fastText lid model (lid.176, GlotLID, or the small model shipped with
/// Curation). Thread-safe; text is handled as datatrove's LanguageFilter does (newlines become spaces).
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>The threshold datatrove and DCLM use to keep a document in a language.</summary>
    public const double DefaultThreshold = 0.65;

    /// <summary>Name of the embedded default model.</summary>
    public const string DefaultModelResource = "Curation.FastText.Resources.lid.curation.ftz";

    private static readonly Lazy<LanguageIdentifier> DefaultLazy = new(LoadDefault);

    /// <summary>Wraps a loaded fastText language-id model.</summary>
    public LanguageIdentifier(FastTextModel model) => Model = model;

    /// <summary>Loads a language-id model file (.bin or .ftz).</summary>
    public static LanguageIdentifier Load(string path) => new(FastTextModel.Load(path));

    /// <summary>The model shipped with Curation (see Resources/README.md for its languages and accuracy).</summary>
    public static LanguageIdentifier Default => DefaultLazy.Value;

    /// <summary>The underlying model.</summary>
    public FastTextModel Model { get; }

    /// <summary>The most likely language and its score.</summary>
    public LanguageGuess Identify(string text)
    {
        var top = Model.Predict(text, 1);
        return top.Length == 0 ? new LanguageGuess("", 0f) : ToGuess(top[0]);
    }

    /// <summary>The k most likely languages with score ≥ threshold, best first.</summary>
    public LanguageGuess[] Identify(string text, int k, float threshold = 0f) =>
        Model.Predict(text, k, threshold).Select(ToGuess).ToArray();

    private LanguageGuess ToGuess(FastTextPrediction p) =>
        new(p.Label.StartsWith(Model.Args.Label, StringComparison.Ordinal) ? p.Label[Model.Args.Label.Length..] : p.Label, p.Probability);

    private static LanguageIdentifier LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultModelResource)
            ?? throw new InvalidOperationException($"the default language-id model {DefaultModelResource} is not embedded in this build");
        return new LanguageIdentifier(FastTextModel.Load(stream, DefaultModelResource));
    }
}
