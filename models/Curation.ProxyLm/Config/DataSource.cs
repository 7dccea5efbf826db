namespace Curation.ProxyLm.Config;

/// <summary>One token shard set: a Megatron prefix (PREFIX.bin + PREFIX.idx) or a datatrove file (X.ds + X.ds.index).</summary>
public sealed record DataSource
{
    /// <summary>The domain or set name used in reports ("wiki", "code").</summary>
    public string Name { get; init; } = "";

    /// <summary>Megatron prefix, or a path ending in .ds; relative paths resolve against the config file.</summary>
    public string Path { get; init; } = "";

    /// <summary>Sampling weight of a training source (mixture proportion); ignored for validation sets.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>
    /// UTF-8 bytes of the text behind a validation set, for bits per byte. 0 = read the sidecar
    /// PATH.bytes (a decimal integer) if present, otherwise bits per byte is not reported.
    /// </summary>
    public long Bytes { get; init; }
}
