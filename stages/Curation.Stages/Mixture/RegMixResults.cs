namespace Curation.Stages.Mixture;

/// <summary>The results of a finished mixture search, read from its run directory.</summary>
/// <param name="StepId">The configured <c>mixture.regmix</c> step.</param>
/// <param name="Fit">Diagnostics and chosen weights.</param>
/// <param name="WeightsPath">The <c>weights.yaml</c> packing consumes.</param>
/// <param name="Validation">The validated mixtures' losses, when the config has a validation proxy.</param>
public sealed record RegMixResults(string StepId, RegMixFitSummary Fit, string WeightsPath, RegMixValidationSummary? Validation);
