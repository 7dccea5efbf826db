using Curation.Pipeline.IO;

namespace Curation.Pipeline.Execution;

/// <summary>
/// A task's output registrar: files are written under the task's temp folder and moved into place only when
/// the task succeeds, so a killed task leaves nothing a downstream step could mistake for output.
/// Every file name starts with the rank, which is how a rerun finds and removes a failed attempt's files.
/// </summary>
public sealed class TaskOutputs(RunDirectory run, string step, int rank)
{
    private readonly List<(string Temp, string Kind, string Name, long Records, long Bytes, string Sha)> _files = [];

    public string TempDir { get; } = run.TempDir(step, rank);

    /// <summary>The rank prefix every output name must start with ("00003").</summary>
    public string Prefix { get; } = RunDirectory.RankName(rank);

    /// <summary>A temp path for an output named <paramref name="name"/> (e.g. "00003.jsonl.gz") of a kind.</summary>
    public string PathFor(string kind, string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            throw new ArgumentException($"output names must start with the rank prefix {Prefix}: {name}");
        var dir = Path.Combine(TempDir, kind);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>Registers a finished file written at a path from <see cref="PathFor"/>.</summary>
    public void Add(string kind, WrittenFile file) =>
        _files.Add((file.Path, kind, Path.GetFileName(file.Path), file.Records, file.Bytes, file.Sha256));

    /// <summary>Registers a finished file, hashing it.</summary>
    public void Add(string kind, string tempPath, long records)
    {
        using var fs = File.OpenRead(tempPath);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fs));
        _files.Add((tempPath, kind, Path.GetFileName(tempPath), records, fs.Length, sha));
    }

    public IReadOnlyList<(string Temp, string Kind, string Name, long Records, long Bytes, string Sha)> Files => _files;

    /// <summary>Moves every registered file into its final place; returns the records for the completion file.</summary>
    internal List<OutputRecord> Commit()
    {
        var records = new List<OutputRecord>();
        foreach (var f in _files)
        {
            var dir = run.KindDir(step, f.Kind);
            Directory.CreateDirectory(dir);
            var final = Path.Combine(dir, f.Name);
            File.Move(f.Temp, final, overwrite: true);
            records.Add(new OutputRecord(run.Relative(final), f.Kind, f.Records, f.Bytes, f.Sha));
        }
        return records;
    }

    /// <summary>Commits only the files of one kind (quarantine is kept even when the task fails, so it can be inspected).</summary>
    internal void CommitKind(string kind)
    {
        foreach (var f in _files.Where(x => x.Kind == kind))
        {
            var dir = run.KindDir(step, f.Kind);
            Directory.CreateDirectory(dir);
            if (File.Exists(f.Temp)) File.Move(f.Temp, Path.Combine(dir, f.Name), overwrite: true);
        }
    }
}
