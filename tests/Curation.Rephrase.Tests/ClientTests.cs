using System.Text.Json;
using Curation.Rephrase.Client;
using Curation.Rephrase.Tests.Infrastructure;

namespace Curation.Rephrase.Tests;

public sealed class ClientTests
{
    private static readonly GenerationOptions Options = new() { Temperature = 0.7, TopP = 0.9, MaxTokens = 64, Stop = ["<END>", "\n\n\n"] };

    [Theory]
    [InlineData(ApiStyle.ChatCompletions)]
    [InlineData(ApiStyle.Completions)]
    public async Task CompleteAsync_Success_ReturnsTextUsageAndSendsEveryOption(ApiStyle style)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var client = Rig.Client(server, TimeProvider.System, style);

        var completion = await client.CompleteAsync("Original Draft: [doc-7] hello", "be brief", Options, CancellationToken.None);

        Assert.Contains("REWRITTEN [doc-7] hello", completion.Text, StringComparison.Ordinal);
        Assert.Equal("stop", completion.FinishReason);
        Assert.True(completion.Usage.PromptTokens > 0 && completion.Usage.CompletionTokens > 0);
        using var body = JsonDocument.Parse(server.LastBody!);
        var root = body.RootElement;
        Assert.Equal("test-model", root.GetProperty("model").GetString());
        Assert.Equal(0.7, root.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, root.GetProperty("top_p").GetDouble());
        Assert.Equal(64, root.GetProperty("max_tokens").GetInt32());
        Assert.Equal(["<END>", "\n\n\n"], root.GetProperty("stop").EnumerateArray().Select(e => e.GetString()!).ToArray());
        if (style == ApiStyle.ChatCompletions)
        {
            var messages = root.GetProperty("messages").EnumerateArray().ToArray();
            Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()!).ToArray());
            Assert.Equal("be brief", messages[0].GetProperty("content").GetString());
        }
        else
        {
            Assert.Equal("be brief\n\nOriginal Draft: [doc-7] hello", root.GetProperty("prompt").GetString());
        }
    }

    public static TheoryData<FaultKind, int, string, bool> Faults => new()
    {
        { FaultKind.RateLimitSeconds, 7, FailureReasons.RateLimited, true },
        { FaultKind.Status, 500, "http_500", true },
        { FaultKind.Status, 503, "http_503", true },
        { FaultKind.Status, 408, FailureReasons.Timeout, true },
        { FaultKind.Reset, 0, FailureReasons.ConnectionReset, true },
        { FaultKind.MalformedJson, 0, FailureReasons.MalformedJson, true },
        { FaultKind.EmptyChoices, 0, FailureReasons.EmptyChoices, true },
        { FaultKind.EmptyContent, 0, FailureReasons.EmptyCompletion, true },
        { FaultKind.ContentFilter, 0, FailureReasons.ContentFilter, false },
        { FaultKind.Status, 400, FailureReasons.BadRequest, false },
        { FaultKind.Status, 401, FailureReasons.Unauthorized, false },
        { FaultKind.Status, 403, FailureReasons.Forbidden, false },
        { FaultKind.Status, 404, FailureReasons.NotFound, false },
        { FaultKind.Status, 418, FailureReasons.ClientError, false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task CompleteAsync_InjectedFault_IsClassifiedWithStableReason(FaultKind kind, int value, string reason, bool transient)
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new Fault(kind, value));
        using var client = Rig.Client(server, TimeProvider.System);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.CompleteAsync("[doc-1] x", null, Options, CancellationToken.None));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(transient, error.IsTransient);
        if (kind == FaultKind.RateLimitSeconds)
            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public async Task CompleteAsync_RateLimitWithHttpDate_RetryAfterMeasuredOnInjectedClock()
    {
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(_ => new Fault(FaultKind.RateLimitDate, 30), clock);
        using var client = Rig.Client(server, clock);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() =>
            client.CompleteAsync("[doc-1] x", null, Options, CancellationToken.None));

        // HTTP-dates have whole-second resolution and the clock runs 100x: allow a few virtual seconds of slack.
        Assert.InRange(error.RetryAfter!.Value.TotalSeconds, 25, 30);
    }

    [Fact]
    public async Task CompleteAsync_NothingListening_IsTransientConnectionError()
    {
        // Reserve a port, then free it so the connection is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new OpenAiCompatibleClient(new EndpointOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"), Model = "m" });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CompleteAsync("x", null, Options, CancellationToken.None));

        Assert.Equal(FailureReasons.ConnectionError, error.Reason);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void Constructor_InvalidEndpointOrOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OpenAiCompatibleClient(new EndpointOptions { BaseUrl = new Uri("ftp://x/v1"), Model = "m" }));
        Assert.Throws<ArgumentException>(() => new OpenAiCompatibleClient(new EndpointOptions { BaseUrl = new Uri("http://x/v1"), Model = " " }));
        Assert.Equal(new Uri("http://h:1/v1/chat/completions"), new EndpointOptions { BaseUrl = new Uri("http://h:1/v1/"), Model = "m" }.OperationUrl);
        Assert.Equal(new Uri("http://h:1/v1/completions"), new EndpointOptions { BaseUrl = new Uri("http://h:1/v1"), Model = "m", Style = ApiStyle.Completions }.OperationUrl);
    }

    [Fact]
    public void CanonicalKey_DiffersForEveryOption_AndIsStable()
    {
        var baseline = new GenerationOptions { Temperature = 1.0, TopP = 0.9, MaxTokens = 10 };
        var variants = new[]
        {
            baseline,
            baseline with { Temperature = 0.5 },
            baseline with { TopP = 0.95 },
            baseline with { MaxTokens = 11 },
            baseline with { Stop = ["a"] },
            baseline with { Stop = ["a", "b"] },
            baseline with { Stop = ["ab"] },
        };
        Assert.Equal(variants.Length, variants.Select(v => v.CanonicalKey()).Distinct().Count());
        Assert.Equal("temperature=1;top_p=0.9;max_tokens=10;stop=", baseline.CanonicalKey());
        Assert.Equal("temperature=-;top_p=-;max_tokens=-;stop=1:a1:b", new GenerationOptions { Stop = ["a", "b"] }.CanonicalKey());
    }
}
