using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Curation.Stages.Packing;

/// <summary>
/// One record written to a shard: its tokens, the start of every document segment in it followed by the end of the
/// content (padding follows), and for whole-document records the document's id and domain. Producers reuse the
/// token buffer for the next record, so a consumer that keeps a record must copy <see cref="Tokens"/>.
/// </summary>
public sealed record PackedSequence(ArraySegment<int> Tokens, int[] Boundaries, string Id, string Domain)
{
    /// <summary>Tokens before the padding.</summary>
    public int ContentLength => Boundaries[^1];

    /// <summary>Serialises for the external shuffle's bucket files: counts, tokens, boundaries, id, domain.</summary>
    public void WriteTo(Stream w)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(head, Tokens.Count);
        BinaryPrimitives.WriteInt32LittleEndian(head[4..], Boundaries.Length);
        w.Write(head);
        w.Write(MemoryMarshal.AsBytes(Tokens.AsSpan()));
        w.Write(MemoryMarshal.AsBytes(Boundaries.AsSpan()));
        WriteString(w, Id);
        WriteString(w, Domain);
    }

    private static void WriteString(Stream w, string s)
    {
        Span<byte> len = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(s);
        BinaryPrimitives.WriteInt32LittleEndian(len, bytes.Length);
        w.Write(len);
        w.Write(bytes);
    }

    /// <summary>The serialised size of the record starting at <paramref name="data"/>[0].</summary>
    public static int SizeAt(ReadOnlySpan<byte> data)
    {
        var n = BinaryPrimitives.ReadInt32LittleEndian(data);
        var b = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        var o = 8 + 4 * (n + b);
        o += 4 + BinaryPrimitives.ReadInt32LittleEndian(data[o..]);
        o += 4 + BinaryPrimitives.ReadInt32LittleEndian(data[o..]);
        return o;
    }

    /// <summary>Decodes a serialised record, putting its tokens into <paramref name="buffer"/> (grown when too small).</summary>
    public static PackedSequence Decode(ReadOnlySpan<byte> data, ref int[] buffer)
    {
        var n = BinaryPrimitives.ReadInt32LittleEndian(data);
        var b = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        if (buffer.Length < n) buffer = new int[n];
        MemoryMarshal.Cast<byte, int>(data.Slice(8, 4 * n)).CopyTo(buffer);
        var bounds = MemoryMarshal.Cast<byte, int>(data.Slice(8 + 4 * n, 4 * b)).ToArray();
        var o = 8 + 4 * (n + b);
        var idLen = BinaryPrimitives.ReadInt32LittleEndian(data[o..]);
        var id = Encoding.UTF8.GetString(data.Slice(o + 4, idLen));
        o += 4 + idLen;
        var domLen = BinaryPrimitives.ReadInt32LittleEndian(data[o..]);
        var domain = Encoding.UTF8.GetString(data.Slice(o + 4, domLen));
        return new PackedSequence(new ArraySegment<int>(buffer, 0, n), bounds, id, domain);
    }
}
