using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>A candidate duplicate pair between two documents, each as (task rank, index within the task).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct PairRecord(uint TaskA, uint DocA, uint TaskB, uint DocB) : IComparable<PairRecord>
{
    /// <inheritdoc />
    public int CompareTo(PairRecord other)
    {
        int c = TaskA.CompareTo(other.TaskA);
        if (c != 0) return c;
        c = DocA.CompareTo(other.DocA);
        if (c != 0) return c;
        c = TaskB.CompareTo(other.TaskB);
        return c != 0 ? c : DocB.CompareTo(other.DocB);
    }
}
