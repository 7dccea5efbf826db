namespace Curation.Stages.Quality;

/// <summary>What <see cref="QualityTrainer"/> did: example counts, held-out precision/recall of the positive label, files written.</summary>
public sealed record QualityTrainResult
{
    public long PositiveFound { get; init; }
    public long NegativeFound { get; init; }
    public long TrainPositive { get; init; }
    public long TrainNegative { get; init; }
    public long TestPositive { get; init; }
    public long TestNegative { get; init; }
    /// <summary>Held-out documents predicted positive that are positive, over those predicted positive.</summary>
    public double Precision { get; init; }
    /// <summary>Held-out positive documents predicted positive, over all held-out positives.</summary>
    public double Recall { get; init; }
    /// <summary>Held-out documents whose top label is right.</summary>
    public double Accuracy { get; init; }
    public string ModelPath { get; init; } = "";
    public string? QuantizedPath { get; init; }
}
