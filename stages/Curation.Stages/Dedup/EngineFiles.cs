using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary>
/// Maps the dedup engine's directory layouts onto task outputs and back. A task lets the engine write into a
/// scratch folder inside its temp dir, then registers every file as an output named
/// <c>&lt;rank&gt;.&lt;relative path with '/' as '~'&gt;</c>, so the executor commits (or discards) it atomically with
/// the task. A later task rebuilds the engine's layout as a folder of symbolic links from the upstream completion
/// records, which list only committed files: a killed attempt's leftovers can never be read.
/// </summary>
public static class EngineFiles
{
    private const char Separator = '~';

    /// <summary>A fresh scratch folder for the engine inside the task's temp dir.</summary>
    public static string Scratch(TaskOutputs outputs, string name)
    {
        var dir = Path.Combine(outputs.TempDir, "_" + name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Registers every file under <paramref name="engineDir"/> as an output of <paramref name="kind"/>.</summary>
    public static int Register(TaskOutputs outputs, string kind, string engineDir)
    {
        var files = Directory.EnumerateFiles(engineDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(engineDir, file).Replace('\\', '/');
            if (relative.Contains(Separator, StringComparison.Ordinal))
                throw new InvalidOperationException($"engine file name contains '{Separator}': {file}");
            var target = outputs.PathFor(kind, outputs.Prefix + "." + relative.Replace('/', Separator));
            File.Move(file, target);
            outputs.Add(kind, target, 0);
        }
        return files.Count;
    }

    /// <summary>
    /// Rebuilds the engine layout of <paramref name="kind"/> outputs of <paramref name="step"/> as symbolic links
    /// under a scratch folder; returns the folder.
    /// </summary>
    public static string View(TaskRuntime rt, string step, string kind, string name)
    {
        if (!rt.Upstream.TryGetValue(step, out var records))
            throw new InvalidOperationException($"step {rt.Info.StepId} needs the outputs of step {step}, which is not among its dependencies");
        var dir = Scratch(rt.Outputs, name);
        foreach (var record in records)
        foreach (var output in record.Outputs.Where(o => o.Kind == kind))
        {
            var fileName = Path.GetFileName(output.Path);
            var dot = fileName.IndexOf('.', StringComparison.Ordinal);
            var relative = fileName[(dot + 1)..].Replace(Separator, '/');
            var link = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            File.CreateSymbolicLink(link, rt.Run.Absolute(output.Path));
        }
        return dir;
    }
}
