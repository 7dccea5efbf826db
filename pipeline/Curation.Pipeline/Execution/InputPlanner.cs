using Curation.Pipeline.Config;
using Curation.Pipeline.IO;

namespace Curation.Pipeline.Execution;

/// <summary>Turns input globs into ranks: sorted files, <c>files_per_task</c> consecutive files per rank.</summary>
public static class InputPlanner
{
    public static StepPlan PlanFiles(string stepId, InputConfig input, FormatRegistry formats, ConfigErrors errors)
    {
        var files = new List<string>();
        foreach (var pattern in input.Paths)
        {
            var matched = Glob.Expand(pattern);
            if (matched.Count == 0) errors.Add($"steps.{stepId}.input.paths", $"'{pattern}' matches no file");
            files.AddRange(matched);
        }
        files = files.Distinct(StringComparer.Ordinal).ToList();
        foreach (var f in files)
        {
            var fmt = input.Format == InputFormat.Auto ? FormatRegistry.Detect(f) : input.Format;
            if (fmt == InputFormat.Auto)
                errors.Add($"steps.{stepId}.input.format", $"cannot tell the format of '{f}' from its extension; set input.format");
            else if (!formats.CanRead(fmt))
                errors.Add($"steps.{stepId}.input.format", $"no reader for {fmt} inputs ('{f}')");
        }
        var groups = new List<List<InputFileRef>>();
        for (var i = 0; i < files.Count; i += input.FilesPerTask)
        {
            groups.Add(files.Skip(i).Take(input.FilesPerTask).Select(f =>
            {
                var fi = new FileInfo(f);
                return new InputFileRef(fi.FullName, fi.Length, new DateTimeOffset(fi.LastWriteTimeUtc).ToUnixTimeMilliseconds());
            }).ToList());
        }
        return new StepPlan(Math.Max(1, groups.Count), groups.Count == 0 ? [[]] : groups);
    }

    /// <summary>The folder generated ids are relative to: the configured one, or the fixed prefix of the first glob.</summary>
    public static string? BaseDirectory(InputConfig input) =>
        input.BaseDirectory is { } b ? Path.GetFullPath(b) : input.Paths.Count > 0 ? Glob.BaseDirectory(input.Paths[0]) : null;
}
