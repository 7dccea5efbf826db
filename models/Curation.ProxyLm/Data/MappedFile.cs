using System.IO.MemoryMappedFiles;

namespace Curation.ProxyLm.Data;

/// <summary>A whole file mapped read-only, exposing a base pointer (empty files get no mapping).</summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;

    public MappedFile(string path)
    {
        Path = path;
        if (!File.Exists(path)) throw new FileNotFoundException($"token shard file not found: {path}", path);
        Length = new FileInfo(path).Length;
        if (Length == 0) return;
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, Length, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        Pointer = p + _view.PointerOffset;
    }

    public string Path { get; }
    public long Length { get; }
    public byte* Pointer { get; }

    /// <summary>Reads a little-endian value at a byte offset, with a bounds check that names the file.</summary>
    public T Read<T>(long offset) where T : unmanaged
    {
        if (offset < 0 || offset + sizeof(T) > Length)
            throw new TokenShardException($"{Path}: truncated: need {sizeof(T)} bytes at byte offset {offset}, file has {Length}");
        return *(T*)(Pointer + offset);
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
    }
}
