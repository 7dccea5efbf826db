using System.Security.Cryptography;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

[Collection("slurm")]
public class SlurmTests(SlurmCluster cluster)
{
    private static SortedDictionary<string, string> Hashes(string dir) =>
        new(Directory.EnumerateFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    [Fact]
    public void SamplePipeline_OnSlurm_IsByteIdenticalToLocal()
    {
        using var t = new TempDir("slurm-same");
        Curate.Run("run", RepoPaths.Sample("quickstart.yaml"), "--set", $"run.output={t.File("local")}").EnsureSuccess();
        var r = cluster.Curate("run", RepoPaths.Sample("quickstart.yaml"), "--executor", "slurm", "--set", $"run.output={t.File("slurm")}", "--set", "slurm.poll_seconds=0.5");
        r.EnsureSuccess();
        Assert.Equal(Hashes(t.File("local", "curate")), Hashes(t.File("slurm", "curate")));
        var jobs = JsonDocument.Parse(File.ReadAllText(t.File("slurm", "slurm", "jobs.json"))).RootElement;
        Assert.Equal(15, jobs[0].GetProperty("ranks").GetArrayLength());
        Assert.Contains("'", File.ReadAllText(t.File("slurm", "slurm", "curate.sbatch"))); // every path is quoted
        Assert.True(Directory.EnumerateFiles(t.File("slurm", "logs", "curate"), "slurm-*.out").Any(), "per-task Slurm logs");
    }

    [Fact]
    public async Task CancelledTask_IsDetected_DependentsCancelled_AndResubmissionRunsOnlyMissingRanks()
    {
        using var t = new TempDir("slurm-cancel");
        var cfg = t.File("cfg.yaml");
        File.WriteAllText(cfg, $$"""
            run:
              name: cancel-test
              output: {{t.File("run")}}
            slurm:
              max_concurrent: 1
              poll_seconds: 0.5
            steps:
              - id: curate
                input:
                  paths: [{{RepoPaths.Sample("data", "train", "*.jsonl.gz")}}]
                stages:
                  - type: filter.length
                    min_words: 20
              - id: second
                input:
                  from: [curate]
                output:
                  format: jsonl
            """);
        // The submitting process waits; a rank is cancelled under it (as a user's scancel or a preemption would).
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Curate.Dll, "run", cfg, "--executor", "slurm" }) psi.ArgumentList.Add(a);
        foreach (var (k, v) in cluster.Env) psi.Environment[k] = v;
        using var waiting = System.Diagnostics.Process.Start(psi)!;
        var stderrTask = waiting.StandardError.ReadToEndAsync();
        var stdoutTask = waiting.StandardOutput.ReadToEndAsync();
        var jobsFile = t.File("run", "slurm", "jobs.json");
        for (var i = 0; i < 600 && !File.Exists(jobsFile); i++) Thread.Sleep(100);
        var curateJob = JsonDocument.Parse(File.ReadAllText(jobsFile)).RootElement[0].GetProperty("job_id").GetString()!;
        // With one element at a time, rank 14 is still pending.
        cluster.Slurm("scancel", $"{curateJob}_14").EnsureSuccess();
        Assert.True(waiting.WaitForExit(TimeSpan.FromMinutes(5)));
        var stderr = await stderrTask;
        Assert.Equal(1, waiting.ExitCode);
        Assert.Contains("curate rank 14", stderr);
        Assert.Contains("ended without completing", stderr);
        Assert.False(File.Exists(t.File("run", "completions", "second", "00000.json")));
        var secondJob = JsonDocument.Parse(File.ReadAllText(jobsFile)).RootElement.EnumerateArray().Last(j => j.GetProperty("step").GetString() == "second").GetProperty("job_id").GetString()!;
        Assert.DoesNotContain(secondJob, cluster.Slurm("squeue", "-h", "-o", "%i").StdOut); // no dependent left pending forever

        var before = Directory.EnumerateFiles(t.File("run", "completions", "curate")).ToDictionary(f => f, File.ReadAllText);
        Assert.Equal(14, before.Count);
        var status = cluster.Curate("status", t.File("run")).EnsureSuccess().StdOut;
        Assert.Contains("incomplete", status);

        cluster.Curate("run", cfg, "--executor", "slurm").EnsureSuccess();
        var last = JsonDocument.Parse(File.ReadAllText(t.File("run", "slurm", "jobs.json"))).RootElement.EnumerateArray()
            .Where(j => j.GetProperty("session").GetInt32() == 2).ToList();
        Assert.Equal([14], last.Single(j => j.GetProperty("step").GetString() == "curate").GetProperty("ranks").EnumerateArray().Select(x => x.GetInt32()));
        foreach (var (f, content) in before) Assert.Equal(content, File.ReadAllText(f)); // completed ranks untouched
        Assert.Contains("all tasks complete", cluster.Curate("status", t.File("run")).EnsureSuccess().StdOut);
    }
}
