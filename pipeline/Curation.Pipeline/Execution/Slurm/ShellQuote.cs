namespace Curation.Pipeline.Execution.Slurm;

/// <summary>POSIX shell quoting: every path and argument put into a job script is single-quoted.</summary>
public static class ShellQuote
{
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
