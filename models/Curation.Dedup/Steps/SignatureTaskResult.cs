namespace Curation.Dedup.Steps;

/// <summary>Counts from one signature task: documents read, documents with a signature, sorted runs spilled to disk.</summary>
public sealed record SignatureTaskResult(int Documents, int Signed, int SpilledRuns);
