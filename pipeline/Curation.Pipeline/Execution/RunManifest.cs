namespace Curation.Pipeline.Execution;

/// <summary>
/// Written once at plan time: the steps, their task counts, the exact input files of every rank of source steps,
/// the config hash and the code version. A resume re-plans and compares against it.
/// </summary>
public sealed record RunManifest
{
    public string Format { get; init; } = "curation-run/1";
    public string Name { get; init; } = "";
    public string ConfigHash { get; init; } = "";
    public string CodeVersion { get; init; } = "";
    public ulong Seed { get; init; }
    public List<StepManifest> Steps { get; init; } = [];
}

/// <summary>One step of the manifest.</summary>
public sealed record StepManifest
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public List<string> DependsOn { get; init; } = [];
    public int Tasks { get; init; }
    /// <summary>Input files per rank for steps that read files; null for steps fed by upstream completions.</summary>
    public List<List<InputFileRef>>? Inputs { get; init; }
}

/// <summary>An input file as planned: path, size and modification time (a changed file refuses a resume).</summary>
public sealed record InputFileRef(string Path, long Size, long MtimeUnixMs);
