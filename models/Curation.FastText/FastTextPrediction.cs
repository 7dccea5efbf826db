namespace Curation.FastText;

/// <summary>One predicted label and the probability fastText reports for it (p + 1e-5, as fastText prints).</summary>
public readonly record struct FastTextPrediction(string Label, float Probability);
