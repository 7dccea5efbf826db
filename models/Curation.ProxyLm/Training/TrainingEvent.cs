namespace Curation.ProxyLm.Training;

/// <summary>A progress event of a run: a training step or an evaluation.</summary>
/// <param name="Step">1-based step just completed.</param>
/// <param name="TrainLoss">Training loss of that step (nats/token).</param>
/// <param name="LearningRate">Rate used.</param>
/// <param name="GradNorm">Global gradient norm before clipping.</param>
/// <param name="Validation">Validation results when this step evaluated, else empty.</param>
/// <param name="Milliseconds">Wall time of the step.</param>
public sealed record TrainingEvent(int Step, float TrainLoss, float LearningRate, double GradNorm, IReadOnlyList<ValidationResult> Validation, double Milliseconds);
