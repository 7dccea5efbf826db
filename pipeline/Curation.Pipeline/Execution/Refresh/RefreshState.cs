namespace Curation.Pipeline.Execution.Refresh;

/// <summary>
/// The state of an incrementally refreshed corpus (<c>&lt;run.output&gt;/refresh.json</c>): every input file processed
/// so far with its content hash, and every version (one run directory each) with what it read and wrote.
/// </summary>
public sealed record RefreshState
{
    public string Format { get; init; } = "curation-refresh/1";
    public List<RefreshVersion> Versions { get; init; } = [];
    /// <summary>Input files already processed: path → content fingerprint.</summary>
    public Dictionary<string, InputFingerprint> Processed { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>An input file's content hash, with the size and mtime it had, so unchanged files are not hashed again.</summary>
public sealed record InputFingerprint(string Sha256, long Size, long MtimeUnixMs, int Version);

/// <summary>One refresh: its run directory (relative to the refresh root), inputs and outputs.</summary>
public sealed record RefreshVersion
{
    public int Version { get; init; }
    public string RunDirectory { get; init; } = "";
    public string ConfigHash { get; init; } = "";
    public string Started { get; init; } = "";
    /// <summary>Input files this version processed (new or changed since the previous version).</summary>
    public List<string> Inputs { get; init; } = [];
    /// <summary>Inputs whose content changed: their earlier outputs are superseded by this version's.</summary>
    public List<string> Changed { get; init; } = [];
    /// <summary>Data outputs of the final step, relative to the refresh root.</summary>
    public List<OutputRecord> Outputs { get; init; } = [];
}
