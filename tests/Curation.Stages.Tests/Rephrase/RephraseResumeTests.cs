using System.Diagnostics;
using System.Text.Json;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Stages.Rephrase;
using Curation.Testing;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>Interrupting a rephrase run and resuming it: generations already received are never requested again.</summary>
public class RephraseResumeTests
{
    private const int Docs = 400;

    [Fact]
    public async Task CurateRephrase_KilledHalfway_ThenRerun_SendsNoRequestForCachedDocuments_AndWritesEachDocumentOnce()
    {
        var dll = Path.Combine(RepoPaths.Root, "pipeline", "Curation.Cli", "bin", "Release", "net10.0", "curate.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build pipeline/Curation.Cli -c Release first (tests/run-tests.sh builds the solution)");
        using var t = new TempDir();
        // Every 25th document is refused by the content filter: it must land in the failures file, once.
        using var server = new FakeLlmServer((doc, _) => doc % 25 == 0 ? LlmFault.ContentFilter : LlmFault.None) { Latency = TimeSpan.FromMilliseconds(30) };
        RephraseRuns.WriteShards(t.File("in"), shards: 1, docsPerShard: Docs);
        var output = t.File("out", "rewrites.jsonl");
        string[] args = ["rephrase", "--input", t.File("in", "*.jsonl"), "--output", output, "--endpoint", server.BaseUrl, "--model", "test-model",
            "--template", "rewire", "--concurrency", "8", "--retry-delay", "5ms", "--api-key-env", "CURATION_REPHRASE_TEST_NO_KEY"];

        using (var first = Start(dll, args))
        {
            var deadline = Stopwatch.StartNew();
            while (server.AnsweredDocs.Count < 100 && !first.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(10);
            Assert.False(first.HasExited, "the first run ended before it could be killed");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }
        Assert.False(File.Exists(output));
        var cached = CachedDocs(Path.Combine(output + ".run", "rephrase", "generations.sqlite"));
        // At least 100 answers arrived; up to 8 in flight may have been cut off before caching.
        Assert.InRange(cached.Count, 92, Docs - 17);

        server.ResetCounters();
        var second = ProcessRunner.Run("dotnet", [dll, .. args], timeout: TimeSpan.FromMinutes(3));
        Assert.True(second.ExitCode == 0, second.StdErr);

        Assert.All(cached, n => Assert.Equal(0, server.RequestsFor(n)));
        Assert.Equal(Docs - cached.Count, server.TotalRequests);
        // Exactly one record per input document: its rewrite, or the document with its failure reason.
        var parents = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("metadata").GetProperty(RephraseMetadata.ParentId).GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, Docs).Where(n => n % 25 != 0).Select(RephraseRuns.Id), parents);
        var failures = File.ReadLines(RephraseShortcut.FailuresPath(output)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(0, Docs).Where(n => n % 25 == 0).Select(RephraseRuns.Id), failures.Select(f => f.GetProperty("id").GetString()));
        Assert.All(failures, f => Assert.Equal("rephrase_content_filter", RephraseRuns.Meta(f, "reject_reason")));
        Assert.All(failures, f => Assert.Equal(RephraseRuns.Text(int.Parse(f.GetProperty("id").GetString()![1..], System.Globalization.CultureInfo.InvariantCulture)), f.GetProperty("text").GetString()));
        Assert.Contains($"{Docs - 16} rewrites", second.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProcessRun_CancelledHalfway_ThenResumed_SendsNoRequestForCachedDocuments()
    {
        using var t = new TempDir();
        using var server = new FakeLlmServer { Latency = TimeSpan.FromMilliseconds(30) };
        RephraseRuns.WriteShards(t.File("in"), shards: 2, docsPerShard: Docs / 2);
        var request = new RephraseRequest
        {
            Inputs = [t.File("in", "*.jsonl")], Output = t.File("out.jsonl"), Endpoint = server.BaseUrl, Model = "test-model",
            Concurrency = 8, Workers = 2, BaseDelay = TimeSpan.FromMilliseconds(5), ApiKeyEnv = "CURATION_REPHRASE_TEST_NO_KEY",
        };
        using var cts = new CancellationTokenSource();
        var run = RephraseRun.RunAsync(request, overwrite: false, observer: null, "test", cts.Token);
        while (server.AnsweredDocs.Count < 100 && !run.IsCompleted) await Task.Delay(10);
        await cts.CancelAsync();
        RephraseRunResult? first = null;
        var interrupted = await Record.ExceptionAsync(async () => first = await run);
        Assert.True(interrupted is OperationCanceledException || (interrupted is null && first!.Export is null), $"the cancelled run must not export ({interrupted})");
        Assert.False(File.Exists(request.Output));
        var cached = CachedDocs(Path.Combine(request.Output + ".run", "rephrase", "generations.sqlite"));
        // At least 100 answers arrived; up to 16 of them (2 tasks x 8 in flight) may have been cut off before caching.
        Assert.InRange(cached.Count, 84, Docs - 1);

        server.ResetCounters();
        var resumed = await RephraseRun.RunAsync(request, overwrite: false, observer: null, "test", CancellationToken.None);
        Assert.NotNull(resumed.Export);
        Assert.All(cached, n => Assert.Equal(0, server.RequestsFor(n)));
        Assert.Equal(Docs - cached.Count, server.TotalRequests);
        Assert.Equal(Docs, resumed.Export!.Rewrites);
        var parents = File.ReadLines(request.Output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("metadata").GetProperty(RephraseMetadata.ParentId).GetString());
        Assert.Equal(Enumerable.Range(0, Docs).Select(RephraseRuns.Id), parents.Order(StringComparer.Ordinal));
    }

    /// <summary>The documents whose generation is committed to the cache (keys as the shortcut computes them: default sampling options).</summary>
    private static HashSet<int> CachedDocs(string cachePath)
    {
        using var cache = GenerationCache.Open(cachePath);
        return Enumerable.Range(0, Docs)
            .Where(n => cache.TryGet(GenerationKey.Compute("test-model", ApiStyle.ChatCompletions, BuiltInTemplates.Rewire, new GenerationOptions(), RephraseRuns.Text(n)), out _))
            .ToHashSet();
    }

    private static Process Start(string dll, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}
