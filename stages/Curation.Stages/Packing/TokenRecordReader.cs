using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Curation.Stages.Packing;

/// <summary>
/// Reads intermediate token files written by <see cref="TokenRecordWriter"/>: a header scan that skips the tokens,
/// and random access to a record's tokens. Damage is reported with the file and byte offset.
/// </summary>
public sealed class TokenRecordReader : IDisposable
{
    private readonly List<FileStream> _files = [];
    private readonly List<string> _paths = [];

    /// <summary>Opens every file for scanning and random reads.</summary>
    public TokenRecordReader(IEnumerable<string> paths)
    {
        foreach (var p in paths)
        {
            _paths.Add(p);
            _files.Add(new FileStream(p, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        }
    }

    /// <summary>The files, in the order record refs index them.</summary>
    public IReadOnlyList<string> Paths => _paths;

    /// <summary>Every record's header, in file order then record order.</summary>
    public IEnumerable<TokenRecordRef> Scan()
    {
        for (var f = 0; f < _files.Count; f++)
        {
            var s = _files[f];
            s.Position = 0;
            var magic = new byte[TokenRecordWriter.Magic.Length];
            if (s.ReadAtLeast(magic, magic.Length, false) != magic.Length || !magic.AsSpan().SequenceEqual(TokenRecordWriter.Magic))
                throw new InvalidDataException($"{_paths[f]}: not a Curation token record file (bad magic at byte 0)");
            var length = s.Length;
            var buf = new byte[20];
            while (s.Position < length)
            {
                var start = s.Position;
                var split = (byte)s.ReadByte();
                if (split > (byte)DataSplit.Test) throw Damaged(f, start, $"unknown split code {split}");
                var domain = Intern(ReadString(s, f, start));
                var id = ReadString(s, f, start);
                ReadExactly(s, buf, f, start);
                var hash = BinaryPrimitives.ReadUInt64LittleEndian(buf);
                var textBytes = BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(8));
                var count = BinaryPrimitives.ReadInt32LittleEndian(buf.AsSpan(16));
                var tokenOffset = s.Position;
                if (count < 0 || tokenOffset + 4L * count > length) throw Damaged(f, start, $"token count {count} runs past the end of the file");
                s.Position = tokenOffset + 4L * count;
                yield return new TokenRecordRef(f, tokenOffset, count, (DataSplit)split, domain, id, hash, textBytes);
            }
        }
    }

    /// <summary>Reads <paramref name="dest"/>.Length tokens of a record starting at token <paramref name="start"/>.</summary>
    public void ReadTokens(TokenRecordRef r, int start, Span<int> dest)
    {
        if (start < 0 || start + dest.Length > r.Count) throw new ArgumentOutOfRangeException(nameof(start));
        // Positional reads without the stream's buffer: packing visits documents in shuffled order, and a seek on a
        // buffered stream would refill 64 KB for every small document.
        var handle = _files[r.File].SafeFileHandle;
        var bytes = MemoryMarshal.AsBytes(dest);
        var offset = r.TokenOffset + 4L * start;
        while (bytes.Length > 0)
        {
            var n = RandomAccess.Read(handle, bytes, offset);
            if (n == 0) throw Damaged(r.File, offset, "file ends inside a record's tokens");
            bytes = bytes[n..];
            offset += n;
        }
    }

    // Domains repeat on every record: one string instance per distinct value keeps the index small.
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);

    private string Intern(string s)
    {
        if (_interned.TryGetValue(s, out var v)) return v;
        _interned[s] = s;
        return s;
    }

    private string ReadString(Stream s, int f, long start)
    {
        Span<byte> len = stackalloc byte[2];
        ReadExactly(s, len, f, start);
        var n = BinaryPrimitives.ReadUInt16LittleEndian(len);
        var bytes = new byte[n];
        ReadExactly(s, bytes, f, start);
        return Encoding.UTF8.GetString(bytes);
    }

    private void ReadExactly(Stream s, Span<byte> dest, int f, long start)
    {
        if (s.ReadAtLeast(dest, dest.Length, false) != dest.Length) throw Damaged(f, start, "file ends inside a record header");
    }

    private InvalidDataException Damaged(int f, long offset, string what) =>
        new($"{_paths[f]}: damaged token record at byte {offset}: {what}");

    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
    }
}
