namespace Curation.ProxyLm.Training;

/// <summary>The outcome of one proxy run.</summary>
/// <param name="Steps">Steps completed (including those before a resume).</param>
/// <param name="TokensTrained">Steps × B × T.</param>
/// <param name="FinalTrainLoss">Loss of the last step.</param>
/// <param name="Validation">Final loss per named validation set.</param>
/// <param name="History">Every step run in this process.</param>
/// <param name="ResumedFromStep">Step the run resumed at (0 for a fresh run).</param>
/// <param name="TokensPerSecond">Training throughput of this process.</param>
public sealed record ProxyRunResult(int Steps, long TokensTrained, float FinalTrainLoss, IReadOnlyList<ValidationResult> Validation,
    IReadOnlyList<TrainingEvent> History, int ResumedFromStep, double TokensPerSecond)
{
    /// <summary>Validation loss by set name (what the mixture regression consumes).</summary>
    public IReadOnlyDictionary<string, double> LossByDomain => Validation.ToDictionary(v => v.Name, v => v.Loss, StringComparer.Ordinal);
}
