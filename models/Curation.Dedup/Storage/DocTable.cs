using System.Text;

namespace Curation.Dedup.Storage;

/// <summary>
/// The per-task list of documents in input order (<c>NAME.idx</c> fixed records + <c>NAME.ids</c> UTF-8 ids),
/// so later steps can turn (task, index) back into document ids and priorities with random access.
/// </summary>
public sealed class DocTable : IDisposable
{
    private readonly DocEntry[] _entries;
    private readonly FileStream _ids;
    private readonly string _idsPath;

    private DocTable(string basePath)
    {
        _entries = RecordFile.ReadAll<DocEntry>(basePath + ".idx");
        _idsPath = basePath + ".ids";
        _ids = new FileStream(_idsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
    }

    /// <summary>Number of documents.</summary>
    public int Count => _entries.Length;

    /// <summary>Opens the table written under <paramref name="basePath"/> (without extension).</summary>
    public static DocTable Open(string basePath) => new(basePath);

    /// <summary>Priority of document <paramref name="index"/>.</summary>
    public double Priority(int index) => Entry(index).Priority;

    /// <summary>Flags of document <paramref name="index"/> (bit 0: the document had no signature).</summary>
    public int Flags(int index) => Entry(index).Flags;

    /// <summary>Id of document <paramref name="index"/>.</summary>
    public string Id(int index)
    {
        DocEntry e = Entry(index);
        byte[] buffer = new byte[e.Length];
        int read = RandomAccess.Read(_ids.SafeFileHandle, buffer, e.Offset);
        if (read != e.Length) throw new InvalidDataException($"{_idsPath}: truncated at byte offset {e.Offset + read}");
        return Encoding.UTF8.GetString(buffer);
    }

    /// <summary>All ids in order, read sequentially.</summary>
    public IEnumerable<string> Ids()
    {
        using var stream = new FileStream(_idsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] buffer = new byte[256];
        foreach (DocEntry e in _entries)
        {
            if (buffer.Length < e.Length) buffer = new byte[e.Length];
            stream.Position = e.Offset;
            int read = stream.ReadAtLeast(buffer.AsSpan(0, e.Length), e.Length, throwOnEndOfStream: false);
            if (read != e.Length) throw new InvalidDataException($"{_idsPath}: truncated at byte offset {e.Offset + read}");
            yield return Encoding.UTF8.GetString(buffer, 0, e.Length);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _ids.Dispose();

    private DocEntry Entry(int index)
    {
        if ((uint)index >= (uint)_entries.Length)
            throw new InvalidDataException($"{_idsPath}: document index {index} out of range (table has {_entries.Length})");
        return _entries[index];
    }
}
