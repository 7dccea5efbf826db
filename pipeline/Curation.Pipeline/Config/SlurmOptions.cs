namespace Curation.Pipeline.Config;

/// <summary>
/// How <c>--executor slurm</c> submits steps. None of these change what a run produces, so they are left out of the
/// config hash: a run started locally can be resumed on Slurm and the other way round.
/// </summary>
public sealed class SlurmOptions : IConfigValidatable
{
    public string? Partition { get; set; }
    /// <summary>Wall-clock limit per task, in sbatch syntax (e.g. 2:00:00).</summary>
    public string? Time { get; set; }
    /// <summary>Memory per task, in sbatch syntax (e.g. 8G).</summary>
    public string? Mem { get; set; }
    public int CpusPerTask { get; set; } = 1;
    /// <summary>Array elements running at once (<c>--array=...%N</c>); 0: no throttle.</summary>
    public int MaxConcurrent { get; set; }
    /// <summary>Largest array to submit; 0 asks the cluster (MaxArraySize).</summary>
    public int MaxArraySize { get; set; }
    public string? Account { get; set; }
    public string? Qos { get; set; }
    /// <summary>Further sbatch arguments, passed as separate arguments (never through a shell).</summary>
    public List<string> ExtraArgs { get; set; } = [];
    /// <summary>Seconds between queue polls while waiting.</summary>
    public double PollSeconds { get; set; } = 2;
    /// <summary>Commands run in the job script before curate (module loads, environment).</summary>
    public List<string> Setup { get; set; } = [];

    public void Validate(string path, ConfigErrors errors)
    {
        if (CpusPerTask < 1) errors.Add($"{path}.cpus_per_task", "must be at least 1");
        if (MaxConcurrent < 0) errors.Add($"{path}.max_concurrent", "must be >= 0");
        if (PollSeconds <= 0) errors.Add($"{path}.poll_seconds", "must be > 0");
    }
}
