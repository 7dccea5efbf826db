namespace Curation.Dedup.Index;

/// <summary>The index's description: the scheme every run must share, its bands × rows, and the run names in order.</summary>
public sealed record IndexManifest(string Scheme, int Bands, int Rows, IReadOnlyList<string> Runs);
