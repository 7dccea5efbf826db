using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Curation.Stages.Packing;

/// <summary>
/// Writes the intermediate token file between the tokenize and write steps: an 8-byte magic, then per document
/// split (u8), domain and id (u16 length + UTF-8), id hash (u64), text bytes (i64), token count (i32) and the
/// tokens (int32, little-endian).
/// </summary>
public sealed class TokenRecordWriter : IDisposable
{
    /// <summary>The 8 bytes every token record file starts with.</summary>
    public static readonly byte[] Magic = "CTOKREC1"u8.ToArray();
    private readonly FileStream _file;
    private readonly byte[] _header = new byte[2 + 2 * ushort.MaxValue + 2 + 21];

    /// <summary>Creates the file and writes the magic.</summary>
    public TokenRecordWriter(string path)
    {
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        _file.Write(Magic);
    }

    public long Documents { get; private set; }

    public long Tokens { get; private set; }

    /// <summary>Appends one document's header and tokens.</summary>
    public void Write(DataSplit split, string domain, string id, ulong hash, long textBytes, ReadOnlySpan<int> tokens)
    {
        var span = _header.AsSpan();
        var n = 0;
        span[n++] = (byte)split;
        n += WriteString(span[n..], domain);
        n += WriteString(span[n..], id);
        BinaryPrimitives.WriteUInt64LittleEndian(span[n..], hash);
        BinaryPrimitives.WriteInt64LittleEndian(span[(n + 8)..], textBytes);
        BinaryPrimitives.WriteInt32LittleEndian(span[(n + 16)..], tokens.Length);
        _file.Write(span[..(n + 20)]);
        _file.Write(MemoryMarshal.AsBytes(tokens));
        Documents++;
        Tokens += tokens.Length;
    }

    // Ids and domains longer than 32 KB of UTF-8 are cut at a character boundary: they only label records.
    private static int WriteString(Span<byte> dest, string s)
    {
        var max = short.MaxValue;
        var bytes = Encoding.UTF8.GetByteCount(s) <= max ? Encoding.UTF8.GetBytes(s) : Encoding.UTF8.GetBytes(s[..(max / 4)]);
        BinaryPrimitives.WriteUInt16LittleEndian(dest, (ushort)bytes.Length);
        bytes.CopyTo(dest[2..]);
        return 2 + bytes.Length;
    }

    public void Dispose() => _file.Dispose();
}
