using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>Random access to the full signatures a signature task wrote (one fixed-length row per document).</summary>
public sealed class SignatureFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly int _length;
    private readonly long _documents;

    /// <summary>Opens <paramref name="path"/> whose rows have <paramref name="signatureLength"/> values.</summary>
    public SignatureFile(string path, int signatureLength)
    {
        Path = path;
        _length = signatureLength;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        long values = RecordFile.ReadHeader<ulong>(path, _stream);
        if (values % signatureLength != 0)
            throw new InvalidDataException($"{path}: {values} values is not a multiple of the signature length {signatureLength}");
        _documents = values / signatureLength;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>Reads document <paramref name="doc"/>'s signature into <paramref name="destination"/>.</summary>
    public void Read(long doc, Span<ulong> destination)
    {
        if ((ulong)doc >= (ulong)_documents) throw new InvalidDataException($"{Path}: document {doc} out of range ({_documents} signatures)");
        long offset = RecordFile.HeaderSize + doc * _length * sizeof(ulong);
        Span<byte> bytes = MemoryMarshal.AsBytes(destination[.._length]);
        int read = RandomAccess.Read(_stream.SafeFileHandle, bytes, offset);
        if (read != bytes.Length) throw new InvalidDataException($"{Path}: truncated at byte offset {offset + read}");
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
