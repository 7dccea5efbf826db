namespace Curation.Dedup.Storage;

/// <summary>Streams records into a <see cref="RecordFile"/>; the file appears under its final name only after <see cref="Complete"/>.</summary>
public sealed class RecordWriter<T> : IDisposable where T : unmanaged
{
    private readonly string _path;
    private readonly string _tempPath;
    private readonly FileStream _stream;
    private readonly T[] _buffer = new T[4096];
    private int _buffered;
    private bool _completed;

    /// <summary>Opens a writer for <paramref name="path"/>, creating its directory.</summary>
    public RecordWriter(string path)
    {
        _path = path;
        _tempPath = path + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        RecordFile.WriteHeader<T>(_stream, 0);
    }

    /// <summary>Records written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Appends one record.</summary>
    public void Add(in T record)
    {
        _buffer[_buffered++] = record;
        Count++;
        if (_buffered == _buffer.Length) Flush();
    }

    /// <summary>Appends a span of records.</summary>
    public void AddRange(ReadOnlySpan<T> records)
    {
        foreach (ref readonly T r in records) Add(r);
    }

    /// <summary>Writes the final header and renames the file into place.</summary>
    public void Complete()
    {
        Flush();
        _stream.Position = 0;
        RecordFile.WriteHeader<T>(_stream, Count);
        _stream.Flush(flushToDisk: false);
        _stream.Dispose();
        File.Move(_tempPath, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Closes the file; an uncompleted file is deleted.</summary>
    public void Dispose()
    {
        if (_completed) return;
        _stream.Dispose();
        File.Delete(_tempPath);
    }

    private void Flush()
    {
        if (_buffered == 0) return;
        _stream.Write(RecordFile.AsBytes(_buffer.AsSpan(0, _buffered)));
        _buffered = 0;
    }
}
