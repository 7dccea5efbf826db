using System.IO.Compression;

namespace Curation.Formats.Compression;

/// <summary>Opens files for reading or writing through the compression their extension names (.gz, .zst).</summary>
public static class CompressedFile
{
    /// <summary>The compression named by the last extension of <paramref name="path"/>.</summary>
    public static CompressionKind FromPath(string path)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return CompressionKind.Gzip;
        if (path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".zstd", StringComparison.OrdinalIgnoreCase))
            return CompressionKind.Zstd;
        return CompressionKind.None;
    }

    /// <summary>The path without its compression extension ("a.jsonl.gz" → "a.jsonl").</summary>
    public static string StripExtension(string path) => FromPath(path) switch
    {
        CompressionKind.Gzip => path[..^3],
        CompressionKind.Zstd => path[..path.LastIndexOf('.')],
        _ => path,
    };

    /// <summary>
    /// A decompressed read stream; damage is reported as <see cref="CorruptDataException"/> naming the file.
    /// Gzip goes through <see cref="GzipReader"/>: ISA-L when installed, else zlib-ng; <c>CURATION_GZIP=zlib</c> forces zlib-ng.
    /// </summary>
    public static Stream OpenRead(string path, int bufferSize = 1 << 16)
    {
        if (FromPath(path) == CompressionKind.Gzip) return GzipReader.Open(path, bufferSize);
        var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        try
        {
            return FromPath(path) switch
            {
                CompressionKind.Gzip => new GzipDecompressStream(fs, path),
                CompressionKind.Zstd => new ZstdDecompressStream(fs, path),
                _ => fs,
            };
        }
        catch
        {
            fs.Dispose();
            throw;
        }
    }

    /// <summary>A compressing write stream over <paramref name="output"/>; disposing it finishes the compressed stream.</summary>
    public static Stream Wrap(Stream output, CompressionKind kind, int? level = null, bool leaveOpen = false) => kind switch
    {
        // .NET's GZipStream writes a fixed header (no file name, zero mtime), so the bytes depend only on the data.
        CompressionKind.Gzip => new GZipStream(output, GzipLevel(level), leaveOpen),
        CompressionKind.Zstd => new ZstdCompressStream(output, level ?? Zstd.DefaultLevel, leaveOpen),
        _ => output,
    };

    private static CompressionLevel GzipLevel(int? level) => level switch
    {
        null => CompressionLevel.Optimal,
        <= 0 => CompressionLevel.NoCompression,
        <= 3 => CompressionLevel.Fastest,
        >= 9 => CompressionLevel.SmallestSize,
        _ => CompressionLevel.Optimal,
    };
}
