using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

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
