namespace Curation.FastText;

/// <summary>
/// A quality classifier for pipeline stages: loaded once, thread-safe, scoring a document's text with DCLM's
/// convention (hq_prob = p when the top label is the positive one, else 1 - p).
/// </summary>
public sealed class FastTextClassifier
{
    /// <summary>Wraps <paramref name="model"/>; <paramref name="positiveLabel"/> is e.g. "__label__hq" (the prefix may be omitted).</summary>
    public FastTextClassifier(FastTextModel model, string positiveLabel)
    {
        Model = model;
        var labels = model.Labels;
        PositiveLabel = labels.Contains(positiveLabel, StringComparer.Ordinal) ? positiveLabel
            : labels.FirstOrDefault(l => string.Equals(l, model.Args.Label + positiveLabel, StringComparison.Ordinal))
              ?? throw new ArgumentException($"label \"{positiveLabel}\" is not one of the model's labels: {string.Join(", ", labels)}");
    }

    /// <summary>Loads a .bin/.ftz model and picks its positive label.</summary>
    public static FastTextClassifier Load(string path, string positiveLabel) => new(FastTextModel.Load(path), positiveLabel);

    /// <summary>The underlying model.</summary>
    public FastTextModel Model { get; }

    /// <summary>The full positive label, e.g. "__label__hq".</summary>
    public string PositiveLabel { get; }

    /// <summary>Top-k labels of a document (newlines become spaces, as datatrove and DCLM do). Thread-safe.</summary>
    public FastTextPrediction[] Predict(string text, int k = 1, float threshold = 0f) => Model.Predict(text, k, threshold);

    /// <summary>DCLM's hq_prob: the top-1 probability if its label is the positive one, else 1 minus it.</summary>
    public double Score(string text)
    {
        var top = Model.Predict(text, 1);
        if (top.Length == 0) return 0;
        return string.Equals(top[0].Label, PositiveLabel, StringComparison.Ordinal) ? top[0].Probability : 1.0 - top[0].Probability;
    }
}
