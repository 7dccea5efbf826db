namespace Curation.Stages.Packing;

/// <summary>A document chosen for training, possibly cut to <see cref="Tokens"/> (the last one of a partial epoch).</summary>
public readonly record struct SelectedDocument(TokenRecordRef Record, int Tokens);

/// <summary>Requested against realised share of one domain, with what was available and how many passes were used.</summary>
public sealed record DomainMixture(string Domain, double Requested, double Realised, long AvailableTokens, long SelectedTokens,
    long SelectedDocuments, double EpochCap, double EpochsUsed, bool Capped);

/// <summary>The outcome of mixture selection: the budget, each domain's figures, and the chosen documents.</summary>
public sealed record MixturePlan(long BudgetTokens, IReadOnlyList<DomainMixture> Domains, IReadOnlyList<SelectedDocument> Selection);
