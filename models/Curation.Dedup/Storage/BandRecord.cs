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
