namespace Curation.Dedup.Steps;

/// <summary>A document inside a duplicate component, with what the keep rule needs.</summary>
internal readonly record struct ClusterMember(uint Task, uint Doc, string Id, double Priority, bool Indexed)
{
    /// <summary>
    /// The keep rule as an order: indexed documents first (earlier runs are never removed), then highest
    /// priority, then smallest id by ordinal comparison. It depends only on ids and priorities, never on
    /// task counts or scheduling.
    /// </summary>
    public static int KeepOrder(ClusterMember x, ClusterMember y)
    {
        if (x.Indexed != y.Indexed) return x.Indexed ? -1 : 1;
        int c = y.Priority.CompareTo(x.Priority);
        return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
    }
}
