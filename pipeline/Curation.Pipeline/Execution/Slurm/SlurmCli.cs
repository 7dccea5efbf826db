using System.Diagnostics;
using System.Globalization;

namespace Curation.Pipeline.Execution.Slurm;

/// <summary>Runs Slurm's commands (sbatch, squeue, scancel, scontrol) with argument lists, never through a shell.</summary>
public class SlurmCli
{
    public virtual (int Exit, string Out, string Err) Run(string command, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SlurmException($"cannot run '{command}': {e.Message} (is Slurm installed and on PATH, and SLURM_CONF set?)");
        }
        using (p)
        {
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, stdout.Result, stderr);
        }
    }

    /// <summary>Submits a job script; returns the (array master) job id.</summary>
    public string Submit(IEnumerable<string> sbatchArgs, string script)
    {
        var (exit, o, e) = Run("sbatch", [.. sbatchArgs, "--parsable", script]);
        if (exit != 0) throw new SlurmException($"sbatch failed ({exit}): {e.Trim()}");
        return o.Trim().Split(';')[0];
    }

    /// <summary>The cluster's MaxArraySize (array indices must stay below it).</summary>
    public int MaxArraySize()
    {
        var (exit, o, _) = Run("scontrol", ["show", "config"]);
        if (exit == 0)
        {
            foreach (var line in o.Split('\n'))
            {
                var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0] == "MaxArraySize" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            }
        }
        return 1001; // Slurm's default
    }

    /// <summary>Queue entries of the given jobs, one per array element: (job id, array task id or -1, state, reason).</summary>
    public List<(string JobId, int TaskId, string State, string Reason)> Queue(IEnumerable<string> jobIds)
    {
        var ids = string.Join(',', jobIds);
        if (ids.Length == 0) return [];
        var (exit, o, e) = Run("squeue", ["-h", "-r", "-j", ids, "-o", "%F|%K|%T|%r"]);
        // squeue exits non-zero when none of the ids exist any more (all finished): an empty queue.
        if (exit != 0 && !e.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) throw new SlurmException($"squeue failed: {e.Trim()}");
        var list = new List<(string, int, string, string)>();
        foreach (var line in o.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split('|');
            if (f.Length < 4) continue;
            var task = int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : -1;
            list.Add((f[0], task, f[2], f[3]));
        }
        return list;
    }

    public void Cancel(IEnumerable<string> jobIds)
    {
        var ids = jobIds.ToList();
        if (ids.Count > 0) Run("scancel", ids);
    }
}

/// <summary>A Slurm command failed or the cluster cannot be used.</summary>
public sealed class SlurmException(string message) : Exception(message), IUserFacingError
{
    public string? Hint => "check `sinfo` and that SLURM_CONF points at the cluster's slurm.conf";

    public int ExitCode => 1;
}
