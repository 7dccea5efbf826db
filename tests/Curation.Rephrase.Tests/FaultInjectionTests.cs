using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Runner;
using Curation.Rephrase.Tests.Infrastructure;

namespace Curation.Rephrase.Tests;

public sealed class FaultInjectionTests
{
    /// <summary>
    /// One document in five is faulty; the twelve fault families rotate over them. Transient faults hit the first
    /// attempts only; content filter, missing tags and "always 503" are permanent.
    /// </summary>
    private static Fault Plan(FaultRequest r)
    {
        if (r.Doc % 5 != 2)
            return Fault.None;
        return ((r.Doc / 5) % 12, r.Attempt) switch
        {
            (0, 1) => new Fault(FaultKind.RateLimitSeconds, 2),
            (1, 1) => new Fault(FaultKind.RateLimitDate, 3),
            (2, <= 2) => new Fault(FaultKind.Status, 500),
            (3, 1) => new Fault(FaultKind.Status, 503),
            (4, 1) => new Fault(FaultKind.Slow),
            (5, <= 2) => new Fault(FaultKind.Reset),
            (6, 1) => new Fault(FaultKind.MalformedJson),
            (7, 1) => new Fault(FaultKind.EmptyChoices),
            (8, _) => new Fault(FaultKind.ContentFilter),
            (9, _) => new Fault(FaultKind.MissingTags),
            (10, _) => new Fault(FaultKind.Status, 503),
            (11, 1) => new Fault(FaultKind.RateLimitSeconds, 1),
            (11, 2) => new Fault(FaultKind.Status, 502),
            (11, 3) => new Fault(FaultKind.EmptyContent),
            _ => Fault.None,
        };
    }

    private static string? ExpectedFailure(int doc) => doc % 5 != 2 ? null : ((doc / 5) % 12) switch
    {
        8 => FailureReasons.ContentFilter,
        9 => FailureReasons.MissingOutputTags,
        10 => FailureReasons.RetriesExhausted,
        _ => null,
    };

    [Fact]
    public async Task Run_1000DocumentsWith20PercentFaults_EveryDocumentExactlyOnceInOrder()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(Plan, clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        // On a 100x clock a one-second stall of a loaded CI box is 100 s: every request in flight times out at once.
        // Give this run the retries and breaker threshold a user would give a flaky endpoint, so such a stall costs
        // retries but cannot open the breaker or exhaust a document.
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var resilience = Rig.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(100), MaxRetries = 5, BreakerMinimumThroughput = 200 };
        var options = Rig.Options(concurrency: 32) with { Resilience = resilience, Log = log.Enqueue };
        using var rephraser = new BatchRephraser(client, cache, options, clock);
        var docs = Rig.Docs(1000);

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

        Assert.Equal(docs.Select(d => d.Id), outcomes.Select(o => o.DocId));
        for (var i = 0; i < docs.Count; i++)
        {
            if (ExpectedFailure(i) is { } reason)
            {
                var failed = Assert.IsType<RephraseOutcome.Failed>(outcomes[i]);
                Assert.Equal(reason, failed.Reason);
            }
            else
            {
                var rewritten = outcomes[i] as RephraseOutcome.Rewritten;
                Assert.True(rewritten is not null, $"document {i} should have been rewritten: {outcomes[i]}; requests {server.RequestsFor(i)}; server {string.Join(" | ", server.Log.Where(l => l.Doc == i))}; client {string.Join(" | ", log.Where(m => m.Contains($"d{i} ", StringComparison.Ordinal) || m.EndsWith($"d{i}", StringComparison.Ordinal)))}");
                Assert.Equal(Rig.Expected(docs[i]), rewritten.Text);
                Assert.Equal(docs[i].Id, rewritten.Provenance.ParentId);
                Assert.Equal("test-model", rewritten.Provenance.Model);
                Assert.Equal("rewire", rewritten.Provenance.TemplateId);
                Assert.Equal("1", rewritten.Provenance.TemplateVersion);
                Assert.Equal(Prompts.BuiltInTemplates.Rewire.Hash, rewritten.Provenance.PromptHash);
                Assert.True(rewritten.Provenance.Usage.CompletionTokens > 0);
            }
        }

        var stats = rephraser.Stats.Snapshot();
        var expectedFailures = Enumerable.Range(0, 1000).Select(ExpectedFailure).Where(r => r is not null).ToList();
        Assert.Equal(1000 - expectedFailures.Count, stats.Rewritten);
        Assert.Equal(expectedFailures.Count, stats.Failed);
        Assert.Equal(expectedFailures.GroupBy(r => r!).ToDictionary(g => g.Key, g => (long)g.Count()), stats.FailuresByReason);
        // A request abandoned by the timeout before it reached the server is counted only by the client.
        Assert.InRange(server.TotalRequests, 1000, stats.Requests);
        Assert.Equal(stats.Requests - 1000 + stats.CacheHits, stats.Retries);
        foreach (var cause in new[] { "http_429", "http_500", "http_502", "http_503", "timeout", "connection_reset", "malformed_json", "empty_choices", "empty_completion" })
            Assert.True(stats.RetriesByCause.GetValueOrDefault(cause) > 0, $"no retry recorded for {cause}");
        Assert.DoesNotContain(FailureReasons.ContentFilter, stats.RetriesByCause.Keys);
        Assert.DoesNotContain("http_400", stats.RetriesByCause.Keys);

        // Permanent faults are never retried: the permanent answer is the last request the server sees for that
        // document. "Always 503" is tried exactly 1 + MaxRetries times by the client.
        for (var i = 0; i < docs.Count; i++)
        {
            var reason = ExpectedFailure(i);
            if (reason is null)
                continue;
            var requests = server.Log.Where(l => l.Doc == i).OrderBy(l => l.Attempt).ToList();
            var failed = (RephraseOutcome.Failed)outcomes[i];
            var context = $"document {i}: {string.Join(" | ", requests)}; client {string.Join(" | ", log.Where(m => m.Contains($"d{i} ", StringComparison.Ordinal)))}";
            if (reason == FailureReasons.RetriesExhausted)
            {
                Assert.True(failed.Attempts == 1 + resilience.MaxRetries, context);
                Assert.InRange(requests.Count, 1, 1 + resilience.MaxRetries);
            }
            else
            {
                // Only transport trouble (a stall timing out an attempt) may cause a retry; the permanent answer never does.
                var retries = log.Where(m => m.Contains($"document d{i} after", StringComparison.Ordinal)).ToList();
                Assert.True(failed.Attempts == 1 + retries.Count, context);
                Assert.DoesNotContain(retries, m => m.Contains(FailureReasons.ContentFilter, StringComparison.Ordinal));
                Assert.InRange(requests.Count, 1, failed.Attempts);
            }
        }
    }

    [Fact]
    public async Task Run_RetryAfter_IsHonouredBeforeTheNextAttempt()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(
            r => r.Attempt == 1 ? new Fault(r.Doc % 2 == 0 ? FaultKind.RateLimitSeconds : FaultKind.RateLimitDate, 40) : Fault.None, clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 4), clock);

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(4)));

        Assert.All(outcomes, o => Assert.IsType<RephraseOutcome.Rewritten>(o));
        foreach (var doc in Enumerable.Range(0, 4))
        {
            var times = server.Log.Where(l => l.Doc == doc).OrderBy(l => l.Attempt).Select(l => l.At).ToArray();
            Assert.Equal(2, times.Length);
            // 40 s requested; the backoff default would have been ~1 s. HTTP-dates lose up to a second.
            // The upper bound is loose: on a 100x clock a stalled CI box adds "minutes".
            Assert.InRange((times[1] - times[0]).TotalSeconds, 38.5, 300);
        }
        Assert.Equal(4, rephraser.Stats.Snapshot().RetriesByCause["http_429"]);
    }

    [Fact]
    public async Task Run_ResponseSlowerThanTimeout_IsAbandonedAndRetried()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(r => r.Attempt <= 2 ? new Fault(FaultKind.Slow) : Fault.None, clock);
        server.SlowDelay = TimeSpan.FromSeconds(60);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(), clock);
        var started = DateTime.UtcNow;

        var outcome = Assert.Single(await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(1))));

        Assert.IsType<RephraseOutcome.Rewritten>(outcome);
        Assert.True(rephraser.Stats.Snapshot().RetriesByCause["timeout"] >= 2);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the slow responses were waited for instead of timed out");
    }
}
