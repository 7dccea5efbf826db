using System.Buffers;
using System.Text.Json;
using Curation.Formats.Compression;
using Curation.Pipeline.Documents;

namespace Curation.Pipeline.IO;

/// <summary>
/// Writes JSONL (optionally .gz/.zst) and starts a new part once a part holds <c>maxFileBytes</c> of uncompressed
/// JSON, so shard sizes stay predictable. Part paths come from <c>pathForPart</c>.
/// </summary>
public sealed class JsonlDocumentWriter : IDocumentWriter
{
    private readonly Func<int, string> _pathForPart;
    private readonly CompressionKind _compression;
    private readonly int? _level;
    private readonly long _maxFileBytes;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private readonly List<WrittenFile> _done = [];
    private HashingFileStream? _file;
    private Stream? _stream;
    private long _partBytes, _partRecords;
    private int _part;

    public JsonlDocumentWriter(Func<int, string> pathForPart, CompressionKind compression, long maxFileBytes = long.MaxValue, int? level = null)
    {
        _pathForPart = pathForPart;
        _compression = compression;
        _level = level;
        _maxFileBytes = maxFileBytes;
        _json = new Utf8JsonWriter(_buffer, DocumentJson.WriterOptions);
    }

    public void Write(Document document) => WriteRecord(w => DocumentJson.Write(w, document));

    /// <summary>Writes an arbitrary JSON object as one line (used for rejects and side files).</summary>
    public void WriteRecord(Action<Utf8JsonWriter> write)
    {
        if (_stream is null) Open();
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        write(_json);
        _json.Flush();
        _stream!.Write(_buffer.WrittenSpan);
        _stream.WriteByte((byte)'\n');
        _partBytes += _buffer.WrittenCount + 1;
        _partRecords++;
        if (_partBytes >= _maxFileBytes) Close();
    }

    private void Open()
    {
        _file = new HashingFileStream(_pathForPart(_part++));
        _stream = CompressedFile.Wrap(_file, _compression, _level);
        _partBytes = _partRecords = 0;
    }

    private void Close()
    {
        if (_stream is null) return;
        _stream.Dispose();
        if (!ReferenceEquals(_stream, _file)) _file!.Dispose();
        _done.Add(new WrittenFile(_file!.Path, _partRecords, _file.BytesWritten, _file.Sha256));
        _stream = null;
        _file = null;
    }

    public IReadOnlyList<WrittenFile> Complete()
    {
        Close();
        return _done;
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _file?.Dispose();
        _json.Dispose();
    }
}
