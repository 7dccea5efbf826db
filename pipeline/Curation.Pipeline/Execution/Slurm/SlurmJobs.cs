namespace Curation.Pipeline.Execution.Slurm;

/// <summary>One submitted array: which step, which ranks (rank = offset + array index), and its job id.</summary>
public sealed record SlurmJob(string Step, string JobId, int RankOffset, List<int> Ranks, int Session, string Log);

/// <summary>The jobs of a run, kept in <c>slurm/jobs.json</c> so <c>curate status</c> can show Slurm's view.</summary>
public static class SlurmJobs
{
    public static string PathOf(RunDirectory dir) => System.IO.Path.Combine(dir.Root, "slurm", "jobs.json");

    public static List<SlurmJob> Read(RunDirectory dir) =>
        File.Exists(PathOf(dir)) ? JsonFiles.Read<List<SlurmJob>>(PathOf(dir)) : [];

    public static void Append(RunDirectory dir, IEnumerable<SlurmJob> jobs)
    {
        var all = Read(dir);
        all.AddRange(jobs);
        JsonFiles.WriteAtomic(PathOf(dir), all);
    }

    /// <summary>Compresses sorted indices into Slurm's array syntax: 0-3,7,9-12.</summary>
    public static string ArraySpec(IReadOnlyList<int> sorted)
    {
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }
}
