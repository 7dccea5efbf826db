namespace Curation.Stages.Packing;

/// <summary>The outcome of mixture selection: the budget, each domain's figures, and the chosen documents.</summary>
public sealed record MixturePlan(long BudgetTokens, IReadOnlyList<DomainMixture> Domains, IReadOnlyList<SelectedDocument> Selection);
