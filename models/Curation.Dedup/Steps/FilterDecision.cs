namespace Curation.Dedup.Steps;

/// <summary>
/// The filter step's verdict on one document: keep or drop, and the metadata to attach
/// (cluster id, cluster size, and the number of other members, i.e. its duplicate count).
/// </summary>
public readonly record struct FilterDecision(DedupDocument Document, bool Keep, string Cluster, int ClusterSize)
{
    /// <summary>Other members of the document's cluster (0 for a unique document).</summary>
    public int Duplicates => ClusterSize - 1;
}
