using Curation.Mixture.Regression;
using Curation.Mixture.Search;

namespace Curation.Stages.Mixture;

/// <summary>The outcome of <see cref="MixtureFitter.Fit"/>.</summary>
/// <param name="Domains">Domain order of every weight vector.</param>
/// <param name="Targets">The fitted targets, one per run.</param>
/// <param name="CrossValidation">Held-out diagnostics (Spearman, MSE, out-of-fold predictions).</param>
/// <param name="Search">The optimum: the average of the top-k simulated mixtures.</param>
public sealed record MixtureFit(IReadOnlyList<string> Domains, IReadOnlyList<double> Targets, CrossValidationReport CrossValidation, SimplexSearchResult Search);
