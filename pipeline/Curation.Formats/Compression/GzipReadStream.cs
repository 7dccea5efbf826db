using System.Buffers.Binary;
using System.IO.Compression;

namespace Curation.Formats.Compression;

/// <summary>
/// Fast gzip reading with integrity checks. Decompression uses System.IO.Compression (zlib-ng, about twice the speed
/// of the system zlib), which verifies each member's CRC but silently stops at a truncated end. So at end of stream
/// the total length is checked against the last member's ISIZE trailer; if they disagree (a truncated file, or a
/// legitimate multi-member file) the strict <see cref="GzipDecompressStream"/> re-reads the file to decide, and a
/// damaged file throws <see cref="CorruptDataException"/> with the exact offset. GZipStream also stops early at zero
/// bytes between members, which the strict reader accepts: then the strict reader, already past what GZipStream
/// delivered, serves the rest, so nothing is lost.
/// </summary>
public sealed class GzipReadStream : ReadOnlyStream
{
    private readonly FileStream _file;
    private readonly string _path;
    private readonly GZipStream _gzip;
    private long _produced;
    private bool _verified;
    private GzipDecompressStream? _rest; // the strict reader serving what GZipStream stopped short of

    public GzipReadStream(string path, int bufferSize = 1 << 16)
    {
        _path = path;
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        _gzip = new GZipStream(_file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        if (_rest is not null) return _rest.Read(buffer);
        if (_verified || buffer.IsEmpty) return 0;
        int n;
        try
        {
            n = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            // zlib-ng's messages are misleading ("unsupported compression method" for a CRC error); the strict
            // reader names the problem and its offset precisely.
            VerifyStrict();
            throw new CorruptDataException(_path, _file.Position, "gzip: " + e.Message, e);
        }
        if (n > 0)
        {
            _produced += n;
            return n;
        }
        Verify();
        return _rest?.Read(buffer) ?? 0;
    }

    private void Verify()
    {
        _verified = true;
        var length = _file.Length;
        if (length == 0) return; // an empty file is an empty stream; readers count it as such
        if (length >= 18)
        {
            Span<byte> isize = stackalloc byte[4];
            _file.Seek(length - 4, SeekOrigin.Begin);
            _file.ReadExactly(isize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(isize) == (uint)_produced) return;
        }
        // The strict reader re-reads the file: it throws with the offset if the file is damaged; past what GZipStream
        // delivered it serves the rest (nothing, for a legitimate multi-member file GZipStream read whole).
        _rest = new GzipDecompressStream(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), _path);
        Drain(_rest, _produced);
    }

    // Reads and discards `limit` bytes (or up to the end).
    private static void Drain(Stream s, long limit)
    {
        var buf = new byte[1 << 16];
        for (long n = 0; n < limit;)
        {
            var r = s.Read(buf, 0, (int)Math.Min(buf.Length, limit - n));
            if (r == 0) break;
            n += r;
        }
    }

    private void VerifyStrict()
    {
        using var strict = new GzipDecompressStream(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), _path);
        strict.CopyTo(Null);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
            _rest?.Dispose();
        }
        base.Dispose(disposing);
    }

}
