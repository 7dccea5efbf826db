namespace Curation.FastText;

/// <summary>A language code (the label without its "__label__" prefix) and its fastText probability.</summary>
public readonly record struct LanguageGuess(string Language, float Score);
