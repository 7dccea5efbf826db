namespace Curation.Text.Rules;

/// <summary>One named measured value, e.g. (<c>gopher.mean_word_length</c>, 4.7).</summary>
public readonly record struct RuleMeasure(string Name, double Value);
