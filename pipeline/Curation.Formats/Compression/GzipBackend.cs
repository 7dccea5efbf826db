namespace Curation.Formats.Compression;

/// <summary>The inflate implementation behind gzip reading.</summary>
public enum GzipBackend
{
    /// <summary>System.IO.Compression (zlib-ng), with the strict system-zlib re-read on suspicion: always available.</summary>
    ZlibNg,

    /// <summary>Intel ISA-L (libisal.so.2): about twice as fast, used when installed and self-tested.</summary>
    Isal,
}
