using Curation.Pipeline.IO;

namespace Curation.Pipeline.Config;

/// <summary>Where a step's documents come from: files by glob, or the outputs of upstream steps.</summary>
public sealed class InputConfig : IConfigValidatable
{
    /// <summary>Globs (<c>*</c>, <c>**</c>, <c>?</c>), relative to the working directory.</summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>Read the committed outputs of these steps instead of <see cref="Paths"/>.</summary>
    public List<string> From { get; set; } = [];

    public InputFormat Format { get; set; } = InputFormat.Auto;

    public string TextKey { get; set; } = "text";

    public string IdKey { get; set; } = "id";

    /// <summary>Input files per task (datatrove gives each task whole files; large files are not split).</summary>
    public int FilesPerTask { get; set; } = 1;

    /// <summary>Ids are made relative to this folder when records have none (default: the glob's fixed prefix).</summary>
    public string? BaseDirectory { get; set; }

    public long MaxRecordBytes { get; set; } = 1L << 30;

    public void Validate(string path, ConfigErrors errors)
    {
        if (Paths.Count == 0 && From.Count == 0) errors.Add(path, "set input.paths (globs) or input.from (upstream steps)");
        if (Paths.Count > 0 && From.Count > 0) errors.Add(path, "set either input.paths or input.from, not both");
        if (FilesPerTask < 1) errors.Add($"{path}.files_per_task", "must be at least 1");
    }
}
