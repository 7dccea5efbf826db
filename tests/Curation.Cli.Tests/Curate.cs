using System.Diagnostics;
using Curation.Testing;

namespace Curation.Cli.Tests;

/// <summary>Runs the built <c>curate</c> executable as a separate process, as a user would.</summary>
public static class Curate
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "curate.dll");

    public static ProcessResult Run(params string[] args) => ProcessRunner.Run("dotnet", [Dll, .. args], timeout: TimeSpan.FromMinutes(5));

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoPaths.Root };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}
