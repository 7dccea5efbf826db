using Curation.Testing;

namespace Curation.Cli.Tests;

/// <summary>A real one-node Slurm cluster on localhost for the tests, started with the project's own script.</summary>
public sealed class SlurmCluster : IDisposable
{
    public SlurmCluster()
    {
        // The script's default folder: a cluster a developer already started is reused, not fought over ports.
        Dir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "curation-test-slurm");
        Env = new Dictionary<string, string> { ["SLURM_DIR"] = Dir };
        ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "tests", "slurm", "start-slurm.sh")], env: Env, timeout: TimeSpan.FromMinutes(10)).EnsureSuccess();
        Env["SLURM_CONF"] = Path.Combine(Dir, "etc", "slurm.conf");
    }

    public string Dir { get; }

    /// <summary>SLURM_CONF (and SLURM_DIR) for child processes.</summary>
    public Dictionary<string, string> Env { get; }

    public ProcessResult Curate(params string[] args) =>
        ProcessRunner.Run("dotnet", [Cli.Tests.Curate.Dll, .. args], env: Env, timeout: TimeSpan.FromMinutes(8));

    public ProcessResult Slurm(string command, params string[] args) => ProcessRunner.Run(command, args, env: Env);

    public void Dispose() => ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "tests", "slurm", "stop-slurm.sh")], env: Env);
}

[CollectionDefinition("slurm")]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>;
