using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>One band of one document: the band hash and the document's (task rank, index within the task).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct BandRecord(ulong Hash, uint Task, uint Doc) : IComparable<BandRecord>
{
    /// <inheritdoc />
    public int CompareTo(BandRecord other)
    {
        int c = Hash.CompareTo(other.Hash);
        if (c != 0) return c;
        c = Task.CompareTo(other.Task);
        return c != 0 ? c : Doc.CompareTo(other.Doc);
    }
}

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

/// <summary>One paragraph (or line) occurrence: its hash and where it sits (task, document, segment index).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct SegmentRecord(ulong Hash, uint Task, uint Doc, uint Segment) : IComparable<SegmentRecord>
{
    /// <inheritdoc />
    public int CompareTo(SegmentRecord other)
    {
        int c = Hash.CompareTo(other.Hash);
        if (c != 0) return c;
        c = Task.CompareTo(other.Task);
        if (c != 0) return c;
        c = Doc.CompareTo(other.Doc);
        return c != 0 ? c : Segment.CompareTo(other.Segment);
    }
}

/// <summary>A segment to remove from a document: (task, document, segment index).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct SegmentRef(uint Task, uint Doc, uint Segment) : IComparable<SegmentRef>
{
    /// <inheritdoc />
    public int CompareTo(SegmentRef other)
    {
        int c = Task.CompareTo(other.Task);
        if (c != 0) return c;
        c = Doc.CompareTo(other.Doc);
        return c != 0 ? c : Segment.CompareTo(other.Segment);
    }
}
