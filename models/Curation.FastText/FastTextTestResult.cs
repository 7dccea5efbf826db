namespace Curation.FastText;

/// <summary>fastText's test metrics: examples, gold labels, predicted labels and correct predictions.</summary>
public sealed record FastTextTestResult(long Examples, long Gold, long Predicted, long Correct)
{
    /// <summary>Precision at k (correct / predicted).</summary>
    public double Precision => Predicted == 0 ? double.NaN : (double)Correct / Predicted;

    /// <summary>Recall at k (correct / gold).</summary>
    public double Recall => Gold == 0 ? double.NaN : (double)Correct / Gold;
}
