namespace Curation.Stages.Packing;

/// <summary>
/// One record written to a shard: its tokens, the start of every document segment in it followed by the end of the
/// content (padding follows), and for whole-document records the document's id and domain.
/// </summary>
public sealed record PackedSequence(int[] Tokens, int[] Boundaries, string Id, string Domain)
{
    /// <summary>Tokens before the padding.</summary>
    public int ContentLength => Boundaries[^1];

    /// <summary>Serialises for the external shuffle's bucket files.</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write(Tokens.Length);
        w.Write(Boundaries.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Tokens.AsSpan()));
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Boundaries.AsSpan()));
        w.Write(Id);
        w.Write(Domain);
    }

    public static PackedSequence ReadFrom(BinaryReader r)
    {
        var n = r.ReadInt32();
        var b = r.ReadInt32();
        var tokens = new int[n];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens.AsSpan()));
        var bounds = new int[b];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(bounds.AsSpan()));
        return new PackedSequence(tokens, bounds, r.ReadString(), r.ReadString());
    }

    /// <summary>Bytes the serialised form and the in-memory arrays take, for the shuffle's memory accounting.</summary>
    public long ApproximateBytes => 4L * (Tokens.Length + Boundaries.Length) + 2L * (Id.Length + Domain.Length) + 96;
}
