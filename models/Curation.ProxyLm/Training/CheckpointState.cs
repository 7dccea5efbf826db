using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Training;

/// <summary>Everything needed to resume a run exactly, besides the weights and moments held by the model.</summary>
/// <param name="Model">Model shape.</param>
/// <param name="Training">Optimisation settings of the run that wrote it.</param>
/// <param name="Step">Completed optimizer steps.</param>
/// <param name="SamplerRng">Data sampler RNG state.</param>
/// <param name="Cursors">Data sampler cursor per training source.</param>
public sealed record CheckpointState(ModelConfig Model, TrainingConfig Training, int Step, ulong[] SamplerRng, long[] Cursors);
