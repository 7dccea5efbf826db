using System.Security.Cryptography;

namespace Curation.Pipeline.Execution.Refresh;

/// <summary>Content hashes of input files, reusing a recorded hash when size and mtime are unchanged.</summary>
public static class Fingerprints
{
    public static InputFingerprint Of(string path, InputFingerprint? known, int version)
    {
        var fi = new FileInfo(path);
        var mtime = new DateTimeOffset(fi.LastWriteTimeUtc).ToUnixTimeMilliseconds();
        if (known is not null && known.Size == fi.Length && known.MtimeUnixMs == mtime) return known;
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var sha = Convert.ToHexStringLower(SHA256.HashData(fs));
        // Same content under a new mtime (touched, copied again): still the file already processed.
        if (known is not null && known.Sha256 == sha) return known with { Size = fi.Length, MtimeUnixMs = mtime };
        return new InputFingerprint(sha, fi.Length, mtime, version);
    }
}
