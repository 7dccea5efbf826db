namespace Curation.Stages.Packing;

/// <summary>Requested against realised share of one domain, with what was available and how many passes were used.</summary>
public sealed record DomainMixture(string Domain, double Requested, double Realised, long AvailableTokens, long SelectedTokens,
    long SelectedDocuments, double EpochCap, double EpochsUsed, bool Capped);
