using System.Text;

namespace Curation.Dedup.Storage;

/// <summary>Writes a <see cref="DocTable"/> as documents stream by.</summary>
public sealed class DocTableWriter : IDisposable
{
    /// <summary>Flag set on documents that produced no signature.</summary>
    public const int NoSignatureFlag = 1;

    private readonly FileStream _ids;
    private readonly RecordWriter<DocEntry> _index;
    private readonly string _basePath;
    private byte[] _buffer = new byte[256];
    private long _offset;
    private bool _completed;

    /// <summary>Creates the table files under <paramref name="basePath"/>.</summary>
    public DocTableWriter(string basePath)
    {
        _basePath = basePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(basePath))!);
        _ids = new FileStream(basePath + ".ids.tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _index = new RecordWriter<DocEntry>(basePath + ".idx");
    }

    /// <summary>Documents written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a document.</summary>
    public void Add(string id, double priority, int flags = 0)
    {
        int max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_buffer.Length < max) _buffer = new byte[max];
        int length = Encoding.UTF8.GetBytes(id, _buffer);
        _ids.Write(_buffer, 0, length);
        _index.Add(new DocEntry(_offset, length, flags, priority));
        _offset += length;
        Count++;
    }

    /// <summary>Finishes both files.</summary>
    public void Complete()
    {
        _ids.Dispose();
        File.Move(_basePath + ".ids.tmp", _basePath + ".ids", overwrite: true);
        _index.Complete();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_completed) return;
        _ids.Dispose();
        _index.Dispose();
        File.Delete(_basePath + ".ids.tmp");
    }
}
