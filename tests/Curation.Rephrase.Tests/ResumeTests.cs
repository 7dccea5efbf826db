using Curation.Rephrase.Cache;
using Curation.Rephrase.Chunking;
using Curation.Rephrase.Runner;
using Curation.Rephrase.Tests.Infrastructure;
using Curation.Testing;

namespace Curation.Rephrase.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task Run_CancelledHalfway_ResumeSendsNoRequestForCompletedGenerations()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(time: clock);
        server.Latency = TimeSpan.FromMilliseconds(5);
        using var dir = new TempDir("rephrase");
        var cachePath = dir.File("run", "generations.sqlite");
        var docs = Rig.Docs(300);
        var yielded = new List<RephraseOutcome>();

        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(cachePath))
        using (var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 8), clock))
        using (var cts = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var outcome in rephraser.RunAsync(docs, cts.Token))
                {
                    yielded.Add(outcome);
                    if (yielded.Count == 100)
                        await cts.CancelAsync();
                }
            });
        }
        Assert.Equal(100, yielded.Count);
        // The cancelled run has fully stopped: nothing in flight keeps sending after RunAsync has thrown.
        var sentByFirstRun = server.TotalRequests;
        await Task.Delay(300);
        Assert.Equal(sentByFirstRun, server.TotalRequests);
        long cachedBeforeResume;
        using (var probe = GenerationCache.Open(cachePath))
            cachedBeforeResume = probe.Count;
        Assert.InRange(cachedBeforeResume, 100, 299);
        server.ResetCounters();

        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(cachePath))
        using (var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 8), clock))
        {
            var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

            Assert.Equal(docs.Select(Rig.Expected), outcomes.Select(o => Assert.IsType<RephraseOutcome.Rewritten>(o).Text));
            Assert.All(yielded, o => Assert.Equal(0, server.RequestsFor(int.Parse(o.DocId[1..], System.Globalization.CultureInfo.InvariantCulture))));
            // Generations that arrived after the last yielded outcome (mid-task) are not re-sent either.
            Assert.Equal(300 - cachedBeforeResume, server.TotalRequests);
            Assert.Equal(cachedBeforeResume, rephraser.Stats.Snapshot().CacheHits);
            Assert.Equal(cachedBeforeResume, outcomes.Count(o => ((RephraseOutcome.Rewritten)o).Provenance.Attempts == 0));
        }
    }

    [Fact]
    public async Task Run_KilledMidRun_FilesLeftOnDiskResumeWithoutResending()
    {
        // A kill leaves exactly what is on disk at that instant: copy the cache files while the writer is busy
        // (a torn last WAL frame included) and resume from the copy in a fresh rephraser.
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(time: clock);
        server.Latency = TimeSpan.FromMilliseconds(3);
        using var dir = new TempDir("rephrase");
        var livePath = dir.File("live", "generations.sqlite");
        var crashPath = dir.File("crash", "generations.sqlite");
        Directory.CreateDirectory(Path.GetDirectoryName(crashPath)!);
        var docs = Rig.Docs(200);
        var yieldedBeforeKill = new List<string>();

        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(livePath))
        using (var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 16), clock))
        {
            var seen = 0;
            await foreach (var outcome in rephraser.RunAsync(docs))
            {
                if (++seen <= 80)
                    yieldedBeforeKill.Add(outcome.DocId);
                if (seen == 80)
                {
                    foreach (var suffix in new[] { "", "-wal" })
                        if (File.Exists(livePath + suffix))
                            File.Copy(livePath + suffix, crashPath + suffix);
                }
            }
        }
        server.ResetCounters();

        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(crashPath))
        using (var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 16), clock))
        {
            var survived = cache.Count;
            Assert.InRange(survived, 80, 199);
            var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

            Assert.Equal(docs.Select(Rig.Expected), outcomes.Select(o => Assert.IsType<RephraseOutcome.Rewritten>(o).Text));
            Assert.All(yieldedBeforeKill, id => Assert.Equal(0, server.RequestsFor(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(200 - survived, server.TotalRequests);
        }
    }

    [Fact]
    public async Task Run_LongDocumentFailingOnLaterChunk_ResumeReusesEarlierChunks()
    {
        var clock = Rig.Clock();
        var failChunk = true;
        await using var server = await FakeOpenAiServer.StartAsync(
            r => failChunk && r.Prompt.Contains("part 4 ", StringComparison.Ordinal) ? new Fault(Infrastructure.FaultKind.ContentFilter) : Fault.None, clock);
        using var dir = new TempDir("rephrase");
        var cachePath = dir.File("generations.sqlite");
        var text = string.Join("\n\n", Enumerable.Range(1, 6).Select(k => $"[doc-0001] part {k} of a long document."));
        var doc = new SourceDocument("long", text);
        var options = Rig.Options() with { Context = ContextBudget.Characters(40) };
        var expectedChunks = ParagraphChunker.Split(text, options.Context);
        Assert.Equal(6, expectedChunks.Count);

        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(cachePath))
        using (var rephraser = new BatchRephraser(client, cache, options, clock))
        {
            var failed = Assert.IsType<RephraseOutcome.Failed>(Assert.Single(await Rig.CollectAsync(rephraser.RunAsync([doc]))));
            Assert.Equal("content_filter", failed.Reason);
            Assert.Contains("chunk 4/6", failed.Detail, StringComparison.Ordinal);
            Assert.Equal(4, server.TotalRequests); // chunks 5 and 6 are not paid for once chunk 4 failed for good
        }

        failChunk = false;
        server.ResetCounters();
        using (var client = Rig.Client(server, clock))
        using (var cache = GenerationCache.Open(cachePath))
        using (var rephraser = new BatchRephraser(client, cache, options, clock))
        {
            var rewritten = Assert.IsType<RephraseOutcome.Rewritten>(Assert.Single(await Rig.CollectAsync(rephraser.RunAsync([doc]))));
            Assert.Equal(string.Join("\n\n", expectedChunks.Select(c => "REWRITTEN " + c)), rewritten.Text);
            Assert.Equal(6, rewritten.Provenance.Chunks);
            Assert.Equal(3, rewritten.Provenance.CachedChunks);
            Assert.Equal(3, server.TotalRequests);
        }
    }
}
