namespace Curation.Stages.Packing;

/// <summary>Requested against realised training mixture.</summary>
public sealed record MixtureInfo(long BudgetTokens, long SelectedTokens, List<DomainMixture> Domains);
