using System.Security.Cryptography;

namespace Curation.Pipeline.IO;

/// <summary>A write-only file stream that hashes (SHA-256) and counts what it writes, so outputs need no second read.</summary>
public sealed class HashingFileStream : Stream
{
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _digest;

    public HashingFileStream(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Path = path;
    }

    public string Path { get; }

    public long BytesWritten { get; private set; }

    /// <summary>The hex SHA-256 of everything written; valid after Dispose.</summary>
    public string Sha256 => _digest ?? throw new InvalidOperationException("the stream is still open");

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _file.Write(buffer);
        BytesWritten += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => _file.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _digest is null)
        {
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            _digest = Convert.ToHexStringLower(_hash.GetHashAndReset());
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => BytesWritten;
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
