using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Resilience;
using Curation.Rephrase.Runner;
using Curation.Rephrase.Tests.Infrastructure;

namespace Curation.Rephrase.Tests;

public sealed class RunControlTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_BudgetRunsOut_StopsBetweenDocumentsAndReportsTheRestNotProcessed(bool byCost)
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(time: clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        // A REWIRE prompt is ~500 tokens and max_tokens is 512: about a dozen documents fit in 12,000 tokens.
        var budget = byCost
            ? new UsageBudget { MaxCost = 0.012m, PromptPricePerMillion = 1m, CompletionPricePerMillion = 1m }
            : new UsageBudget { MaxTotalTokens = 12_000 };
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 4) with { Budget = budget }, clock);
        var docs = Rig.Docs(60);

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

        Assert.Equal(docs.Select(d => d.Id), outcomes.Select(o => o.DocId));
        var rewritten = outcomes.TakeWhile(o => o is RephraseOutcome.Rewritten).Count();
        Assert.InRange(rewritten, 5, 40);
        Assert.All(outcomes.Skip(rewritten), o => Assert.Equal(FailureReasons.BudgetExhausted, Assert.IsType<RephraseOutcome.NotProcessed>(o).Reason));
        var stats = rephraser.Stats.Snapshot();
        Assert.True(stats.PromptTokens + stats.CompletionTokens <= 12_000, $"spent {stats.PromptTokens + stats.CompletionTokens}");
        Assert.Equal(rewritten, server.TotalRequests);
        Assert.Equal(60 - rewritten, stats.NotProcessed);
        Assert.Equal(FailureReasons.BudgetExhausted, rephraser.StopReason);
    }

    [Fact]
    public async Task Run_DeadEndpoint_CircuitOpensAndRunStopsCleanly()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(_ => new Fault(FaultKind.Status, 503), clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        var log = new List<string>();
        // A 10-minute sampling window (6 s of wall time) so a slow start on a loaded machine cannot spread the
        // first failures over more than one window.
        var options = Rig.Options(concurrency: 8) with
        {
            Log = m => { lock (log) log.Add(m); },
            Resilience = Rig.Resilience with { BreakerSamplingDuration = TimeSpan.FromMinutes(10), BreakerMinimumThroughput = 20 },
        };
        using var rephraser = new BatchRephraser(client, cache, options, clock);
        var docs = Rig.Docs(300);

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

        Assert.Equal(docs.Select(d => d.Id), outcomes.Select(o => o.DocId));
        Assert.DoesNotContain(outcomes, o => o is RephraseOutcome.Rewritten);
        Assert.True(outcomes.Any(o => o is RephraseOutcome.Failed { Reason: FailureReasons.EndpointUnavailable }),
            $"no endpoint_unavailable failure; {server.TotalRequests} requests; stats {rephraser.Stats.Snapshot().ToJson()}");
        Assert.True(outcomes.Count(o => o is RephraseOutcome.NotProcessed { Reason: FailureReasons.EndpointUnavailable }) > 250);
        // Without the breaker every document would cost 1 + 5 attempts: 1,800 requests.
        Assert.InRange(server.TotalRequests, 20, 150);
        Assert.Equal(FailureReasons.EndpointUnavailable, rephraser.StopReason);
        Assert.Contains(log, m => m.StartsWith("circuit opened", StringComparison.Ordinal));
        Assert.True(rephraser.Stats.Snapshot().RetriesByCause.ContainsKey(FailureReasons.CircuitOpen));
    }

    [Fact]
    public async Task Run_RequestsPerMinute_PacesAttemptsOnTheInjectedClock()
    {
        var clock = new ScaledTimeProvider(20);
        await using var server = await FakeOpenAiServer.StartAsync(time: clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        await WarmUpAsync(client, server);
        var options = Rig.Options(concurrency: 8) with { RateLimits = new RateLimits { RequestsPerMinute = 20 } };
        using var rephraser = new BatchRephraser(client, cache, options, clock);
        var start = clock.GetUtcNow();

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(30)));

        Assert.All(outcomes, o => Assert.IsType<RephraseOutcome.Rewritten>(o));
        // A full bucket of 20, then one request every 3 s: the 10 extra requests span at least ~27 s.
        var times = server.Log.Select(l => l.At - start).OrderBy(t => t).ToArray();
        Assert.Equal(30, times.Length);
        Assert.True(times[19] < TimeSpan.FromSeconds(10), $"the first 20 were held back: {times[19]}");
        Assert.True(times[29] >= TimeSpan.FromSeconds(27), $"30 requests at 20/min took only {times[29]}");
        // The token-bucket invariant, which holds however slowly the machine sends the burst: any window of requests
        // fits in the bucket (20) plus what refilled during the window (one per 3 s), with one of slack for the edges.
        for (var i = 0; i < times.Length; i++)
            for (var j = i + 1; j < times.Length; j++)
                Assert.True(j - i + 1 <= 21 + (times[j] - times[i]).TotalSeconds / 3,
                    $"requests {i}..{j} ({j - i + 1}) came within {times[j] - times[i]}, faster than 20/min allows");
    }

    /// <summary>First requests pay for JIT and connection setup, which a fast clock magnifies: get them out of the way.</summary>
    private static async Task WarmUpAsync(Client.OpenAiCompatibleClient client, FakeOpenAiServer server)
    {
        using var cache = GenerationCache.InMemory();
        using var warm = new BatchRephraser(client, cache, Rig.Options(concurrency: 8));
        await Rig.CollectAsync(warm.RunAsync(Enumerable.Range(900, 16).Select(Rig.Doc)));
        server.ResetCounters();
    }

    [Fact]
    public async Task Run_TokensPerMinute_ChargesPromptEstimatePlusMaxTokens()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(time: clock);
        using var client = Rig.Client(server, clock);
        using var cache = GenerationCache.InMemory();
        // Each attempt is charged its estimated prompt plus max_tokens (~1,000): the bucket's 5,000 cover about 5,
        // the rest wait for refill at 5,000/60 tokens a second.
        var perRequest = Client.TokenEstimate.FromChars(Prompts.BuiltInTemplates.Rewire.Render(Rig.Doc(0).Text).Length) + 512;
        var expectedWait = TimeSpan.FromSeconds((8 * perRequest - 5_000) / (5_000 / 60.0));
        await WarmUpAsync(client, server);
        var options = Rig.Options(concurrency: 8) with { RateLimits = new RateLimits { TokensPerMinute = 5_000 } };
        using var rephraser = new BatchRephraser(client, cache, options, clock);
        var start = clock.GetUtcNow();

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(8)));

        Assert.All(outcomes, o => Assert.IsType<RephraseOutcome.Rewritten>(o));
        var last = server.Log.Max(l => l.At) - start;
        Assert.True(last >= expectedWait * 0.97, $"8 requests of {perRequest} tokens at 5,000/min took only {last}, expected {expectedWait}");
    }

    [Fact]
    public async Task Run_Concurrency_BoundsRequestsInFlight()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Latency = TimeSpan.FromMilliseconds(20);
        using var client = Rig.Client(server, TimeProvider.System);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 5));

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(60)));

        Assert.Equal(60, outcomes.Count(o => o is RephraseOutcome.Rewritten));
        Assert.InRange(server.MaxInFlight, 2, 5);
    }

    [Fact]
    public async Task Run_EmptyAndDuplicateDocuments_EmptyFailsWithoutRequestDuplicateServedFromCache()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var client = Rig.Client(server, TimeProvider.System);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 1));
        SourceDocument[] docs = [Rig.Doc(1), new("blank", " \n\n "), Rig.Doc(1) with { Id = "copy" }];

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(docs));

        Assert.IsType<RephraseOutcome.Rewritten>(outcomes[0]);
        Assert.Equal(FailureReasons.EmptyInput, Assert.IsType<RephraseOutcome.Failed>(outcomes[1]).Reason);
        var copy = Assert.IsType<RephraseOutcome.Rewritten>(outcomes[2]);
        Assert.Equal("copy", copy.Provenance.ParentId);
        Assert.Equal(1, copy.Provenance.CachedChunks);
        Assert.Equal(1, server.TotalRequests);
    }

    [Fact]
    public async Task Run_GenerationStoppedAtMaxTokens_IsKeptAndFlaggedInProvenance()
    {
        await using var server = await FakeOpenAiServer.StartAsync(r => r.Doc == 1 ? new Fault(FaultKind.Truncated) : Fault.None);
        using var client = Rig.Client(server, TimeProvider.System);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options());

        var outcomes = await Rig.CollectAsync(rephraser.RunAsync(Rig.Docs(3)));

        Assert.Equal([0, 1, 0], outcomes.Select(o => Assert.IsType<RephraseOutcome.Rewritten>(o).Provenance.TruncatedChunks).ToArray());
    }

    [Fact]
    public async Task Run_CompletionsApiWithWrapTemplate_KeepsWholeResponse()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var client = Rig.Client(server, TimeProvider.System, ApiStyle.Completions);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options() with { Template = BuiltInTemplates.WrapWikipedia });

        var outcome = Assert.Single(await Rig.CollectAsync(rephraser.RunAsync([Rig.Doc(3)])));

        var rewritten = Assert.IsType<RephraseOutcome.Rewritten>(outcome);
        Assert.StartsWith("<thinking starts>", rewritten.Text, StringComparison.Ordinal);
        Assert.Equal("wrap-wikipedia", rewritten.Provenance.TemplateId);
        Assert.Contains("\"prompt\"", server.LastBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputEnumerationFails_OutcomesBeforeItAreYieldedThenTheErrorSurfaces()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var client = Rig.Client(server, TimeProvider.System);
        using var cache = GenerationCache.InMemory();
        using var rephraser = new BatchRephraser(client, cache, Rig.Options(concurrency: 4));
        var yielded = new List<RephraseOutcome>();

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var o in rephraser.RunAsync(Broken()))
                yielded.Add(o);
        });

        Assert.Equal("input.jsonl: line 4: damaged", error.Message);
        Assert.Equal(["d0", "d1", "d2"], yielded.Select(o => o.DocId).ToArray());

        static IEnumerable<SourceDocument> Broken()
        {
            for (var i = 0; i < 3; i++)
                yield return Rig.Doc(i);
            throw new InvalidDataException("input.jsonl: line 4: damaged");
        }
    }
}
