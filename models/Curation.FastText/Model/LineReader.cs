using System.Runtime.CompilerServices;
namespace Curation.FastText.Model;

/// <summary>Reads a byte stream line by line (each line includes its '\n'), reusing one growable buffer.</summary>
internal sealed class LineReader
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>The next line with its newline, or an empty span at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> ReadLine()
    {
        var scanFrom = _start;
        while (true)
        {
            var nl = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                var line = _buffer.AsSpan(_start, scanFrom + nl + 1 - _start);
                _start = scanFrom + nl + 1;
                return line;
            }
            if (_eof)
            {
                var rest = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                return rest;
            }
            scanFrom = _end;
            Fill(ref scanFrom);
        }
    }

    /// <summary>Forgets buffered bytes after the stream was repositioned.</summary>
    public void Reset()
    {
        _start = _end = 0;
        _eof = false;
    }

    private void Fill(ref int scanFrom)
    {
        if (_start > 0)
        {
            var kept = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
            scanFrom -= _start;
            _end = kept;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }
}
