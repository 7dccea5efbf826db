using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Resilience;
using Curation.Rephrase.Runner;

namespace Curation.Rephrase.Tests.Infrastructure;

/// <summary>Shared test settings: production-sized delays on a clock running 100x fast.</summary>
public static class Rig
{
    public const double TimeScale = 100;

    public static ScaledTimeProvider Clock() => new(TimeScale);

    /// <summary>
    /// Backoff 1 s doubling, 200 s attempt timeout (2 s real), 5 retries and a breaker that needs 200 attempts to
    /// judge: a stall of a loaded CI box, magnified 100x by the clock, costs retries but fails no document.
    /// </summary>
    public static ResilienceOptions Resilience => new()
    {
        MaxRetries = 5,
        BreakerMinimumThroughput = 200,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(200),
    };

    public static SourceDocument Doc(int i) => new($"d{i}", $"[doc-{i:D4}] Paragraph number {i} about an interesting topic.");

    public static List<SourceDocument> Docs(int count) => Enumerable.Range(0, count).Select(Doc).ToList();

    /// <summary>The text the fake server's echo produces for a single-chunk document.</summary>
    public static string Expected(SourceDocument doc) => "REWRITTEN " + doc.Text;

    public static OpenAiCompatibleClient Client(FakeOpenAiServer server, TimeProvider time, ApiStyle style = ApiStyle.ChatCompletions,
        string keyVariable = "CURATION_TEST_NO_KEY") =>
        new(new EndpointOptions { BaseUrl = server.BaseUrl, Model = "test-model", Style = style, ApiKeyVariable = keyVariable }, timeProvider: time);

    public static RephraseOptions Options(int concurrency = 16) => new()
    {
        Template = BuiltInTemplates.Rewire,
        Generation = new GenerationOptions { Temperature = 1.0, TopP = 0.9, MaxTokens = 512 },
        Concurrency = concurrency,
        Resilience = Resilience,
    };

    public static async Task<List<RephraseOutcome>> CollectAsync(IAsyncEnumerable<RephraseOutcome> outcomes)
    {
        var list = new List<RephraseOutcome>();
        await foreach (var o in outcomes)
            list.Add(o);
        return list;
    }
}
