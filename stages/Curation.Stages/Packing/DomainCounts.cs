namespace Curation.Stages.Packing;

/// <summary>Documents and tokens of one domain in one split (tokens: as written, after packing).</summary>
public sealed record DomainCounts(long Documents, long Tokens, long TextBytes);
