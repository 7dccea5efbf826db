using System.Globalization;
using System.Text;

namespace Curation.Formats.TokenShards;

/// <summary>
/// Per-sequence document boundaries beside a shard, as two NumPy files so trainers can reset positions and
/// attention masks: <c>X.starts.npy</c> (uint32, each sequence's segment starts followed by its content end) and
/// <c>X.offsets.npy</c> (int64, S + 1 prefix offsets into starts): sequence i's boundaries are
/// <c>starts[offsets[i]:offsets[i+1]]</c>.
/// </summary>
public sealed class SequenceBoundariesWriter : IDisposable
{
    private const int HeaderBytes = 128;
    private readonly string _prefix;
    private readonly FileStream _starts;
    private readonly List<long> _offsets = [0];

    public SequenceBoundariesWriter(string prefix)
    {
        _prefix = prefix;
        _starts = new FileStream(prefix + ".starts.npy", FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _starts.Write(Header("<u4", 0));
    }

    public void Add(ReadOnlySpan<int> boundaries)
    {
        Span<byte> b = stackalloc byte[4];
        foreach (var v in boundaries)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b, checked((uint)v));
            _starts.Write(b);
        }
        _offsets.Add(_offsets[^1] + boundaries.Length);
    }

    /// <summary>A NumPy format 1.0 header for a 1-D array, padded to a fixed 128 bytes so it can be rewritten in place.</summary>
    public static byte[] Header(string descr, long n)
    {
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({n.ToString(CultureInfo.InvariantCulture)},), }}";
        var body = dict.PadRight(HeaderBytes - 10 - 1) + "\n";
        var h = new byte[HeaderBytes];
        h[0] = 0x93;
        "NUMPY"u8.CopyTo(h.AsSpan(1));
        h[6] = 1;
        BitConverter.TryWriteBytes(h.AsSpan(8), (ushort)body.Length);
        Encoding.ASCII.GetBytes(body, h.AsSpan(10));
        return h;
    }

    public IReadOnlyList<string> Complete()
    {
        _starts.Seek(0, SeekOrigin.Begin);
        _starts.Write(Header("<u4", _offsets[^1]));
        _starts.Dispose();
        using (var off = new FileStream(_prefix + ".offsets.npy", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            off.Write(Header("<i8", _offsets.Count));
            Span<byte> b = stackalloc byte[8];
            foreach (var o in _offsets)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(b, o);
                off.Write(b);
            }
        }
        return [_prefix + ".starts.npy", _prefix + ".offsets.npy"];
    }

    public void Dispose() => _starts.Dispose();
}
