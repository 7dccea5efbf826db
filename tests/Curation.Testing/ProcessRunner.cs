using System.Diagnostics;
using System.Text;

namespace Curation.Testing;

/// <summary>The outcome of an external process run by a test (an oracle such as node, fasttext or python3).</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
            throw new InvalidOperationException($"process exited {ExitCode}\n--- stderr ---\n{StdErr}\n--- stdout ---\n{Truncate(StdOut)}");
        return this;
    }

    private static string Truncate(string s) => s.Length > 4000 ? s[..4000] + "..." : s;
}

/// <summary>Runs external programs for oracle and end-to-end tests, with a hard timeout.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> args, string? workingDir = null,
        TimeSpan? timeout = null, IDictionary<string, string>? env = null, string? stdin = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDir ?? RepoPaths.Root,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time");
        }
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a Node script with tests/.tools/node_modules on NODE_PATH.</summary>
    public static ProcessResult Node(string script, IEnumerable<string> args, TimeSpan? timeout = null) =>
        Run("node", [script, .. args], timeout: timeout,
            env: new Dictionary<string, string> { ["NODE_PATH"] = Path.Combine(RepoPaths.Tools, "node", "node_modules") });
}
