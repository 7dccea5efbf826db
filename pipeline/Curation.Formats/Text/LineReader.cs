using System.Buffers;

namespace Curation.Formats.Text;

/// <summary>
/// Splits a byte stream into '\n'-terminated lines without decoding them, reusing one growable buffer.
/// A line's bytes stay valid until the next call. Lines longer than <see cref="MaxLineBytes"/> are skipped
/// (streamed past, never buffered whole) and reported through <see cref="LastLineTooLong"/>.
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buf;
    private int _start, _end;
    private bool _eof;
    private long _bufferOffset; // stream offset of _buf[0]

    public LineReader(Stream stream, int initialBufferSize = 1 << 20, long maxLineBytes = 1L << 30)
    {
        _stream = stream;
        _buf = ArrayPool<byte>.Shared.Rent(initialBufferSize);
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Longest line kept in memory; longer ones are skipped.</summary>
    public long MaxLineBytes { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Offset, in the (decompressed) stream, of the first byte of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>True when the line last returned was longer than <see cref="MaxLineBytes"/> and is empty here.</summary>
    public bool LastLineTooLong { get; private set; }

    /// <summary>Length in bytes of the line last returned, including a skipped over-long line.</summary>
    public long LastLineLength { get; private set; }

    /// <summary>Reads the next line without its '\n' (and without a trailing '\r'). False at end of stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        LastLineTooLong = false;
        var scanFrom = _start;
        while (true)
        {
            var nl = _buf.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var lineEnd = scanFrom + nl;
                Emit(lineEnd, lineEnd + 1, out line);
                return true;
            }
            scanFrom = _end;
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                Emit(_end, _end, out line);
                return true;
            }
            if (_end - _start >= MaxLineBytes)
            {
                SkipLongLine(out line);
                return true;
            }
            scanFrom -= Fill();
        }
    }

    private void Emit(int lineEnd, int next, out ReadOnlySpan<byte> line)
    {
        LineNumber++;
        LineOffset = _bufferOffset + _start;
        var len = lineEnd - _start;
        if (len > 0 && _buf[lineEnd - 1] == (byte)'\r') len--;
        line = _buf.AsSpan(_start, len);
        LastLineLength = lineEnd - _start;
        _start = next;
    }

    // Returns how far existing bytes moved left, so the caller can keep its scan position.
    private int Fill()
    {
        var shift = 0;
        if (_start > 0)
        {
            shift = _start;
            Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        if (_end == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buf.Length * 2, Array.MaxLength));
            Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        var n = _stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
        return shift;
    }

    private void SkipLongLine(out ReadOnlySpan<byte> line)
    {
        LineNumber++;
        LineOffset = _bufferOffset + _start;
        long skipped = 0;
        while (true)
        {
            var nl = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                skipped += nl;
                _start += nl + 1;
                break;
            }
            skipped += _end - _start;
            _bufferOffset += _end;
            _start = _end = 0;
            var n = _stream.Read(_buf, 0, _buf.Length);
            if (n == 0) { _eof = true; break; }
            _end = n;
        }
        LastLineTooLong = true;
        LastLineLength = skipped;
        line = default;
    }

    public void Dispose()
    {
        if (_buf.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = [];
        }
    }
}
