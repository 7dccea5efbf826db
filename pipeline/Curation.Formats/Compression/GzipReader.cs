namespace Curation.Formats.Compression;

/// <summary>
/// Chooses the gzip inflate backend. ISA-L (<see cref="GzipBackend.Isal"/>) is used when <c>libisal.so.2</c> loads
/// and passes its self-test; otherwise, or when the environment variable <c>CURATION_GZIP=zlib</c> is set,
/// zlib-ng (<see cref="GzipBackend.ZlibNg"/>). Both verify every member's CRC32 and length and throw
/// <see cref="CorruptDataException"/> naming the file and offset on damage.
/// </summary>
public static class GzipReader
{
    /// <summary>The environment variable that forces the zlib-ng backend when set to <c>zlib</c>.</summary>
    public const string BackendVariable = "CURATION_GZIP";

    /// <summary>True when ISA-L is installed and passed its load-time self-test (regardless of <c>CURATION_GZIP</c>).</summary>
    public static bool IsalAvailable => IsalNative.IsAvailable;

    /// <summary>Why ISA-L is not available, or null when it is.</summary>
    public static string? IsalUnavailableReason => IsalNative.UnavailableReason;

    /// <summary>
    /// The backend <see cref="CompressedFile.OpenRead"/> uses now. The variable is read on every call (cheap next to
    /// opening a file) so a process can switch, as the gzip-read benchmark does.
    /// </summary>
    public static GzipBackend ActiveBackend =>
        string.Equals(Environment.GetEnvironmentVariable(BackendVariable), "zlib", StringComparison.OrdinalIgnoreCase) || !IsalAvailable
            ? GzipBackend.ZlibNg
            : GzipBackend.Isal;

    /// <summary>A decompressed read stream of the gzip file <paramref name="path"/> through <paramref name="backend"/> (default: <see cref="ActiveBackend"/>).</summary>
    public static Stream Open(string path, int bufferSize = 1 << 16, GzipBackend? backend = null) =>
        (backend ?? ActiveBackend) switch
        {
            GzipBackend.Isal => new IsalGzipReadStream(path),
            _ => new GzipReadStream(path, bufferSize),
        };
}
