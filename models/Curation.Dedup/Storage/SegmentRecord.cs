using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

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
