using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Curation.Rephrase.Tests.Infrastructure;

/// <summary>
/// A real OpenAI-compatible HTTP server (Kestrel on 127.0.0.1, random port) that answers chat-completions and
/// completions with a REWIRE-shaped echo ("REWRITTEN " + the draft between the improved-response tags), injects
/// faults chosen by a plan, and counts every request per document.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FaultRequest, Fault> _plan;
    private readonly TimeProvider _time;
    private readonly string? _expectedKey;
    private readonly ConcurrentDictionary<string, int> _attemptsByPrompt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _requestsByDoc = new();
    private int _total;
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAiServer(WebApplication app, Func<FaultRequest, Fault> plan, TimeProvider time, string? expectedKey)
    {
        _app = app;
        _plan = plan;
        _time = time;
        _expectedKey = expectedKey;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public int TotalRequests => Volatile.Read(ref _total);

    /// <summary>The most requests the server was handling at one moment.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Real delay before every successful answer (to make runs long enough to interrupt).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How long a <see cref="FaultKind.Slow"/> answer is held back (real time).</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Every request: document, attempt for that prompt, fault, virtual arrival time.</summary>
    public ConcurrentQueue<(int Doc, int Attempt, Fault Fault, DateTimeOffset At)> Log { get; } = new();

    /// <summary>The last request body as JSON text.</summary>
    public string? LastBody { get; private set; }

    public int RequestsFor(int doc) => _requestsByDoc.GetValueOrDefault(doc);

    public IReadOnlyDictionary<int, int> RequestsByDoc => _requestsByDoc;

    public void ResetCounters()
    {
        _requestsByDoc.Clear();
        Interlocked.Exchange(ref _maxInFlight, 0);
        _attemptsByPrompt.Clear();
        Log.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    public static async Task<FakeOpenAiServer> StartAsync(Func<FaultRequest, Fault>? plan = null, TimeProvider? time = null, string? expectedKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, plan ?? (_ => Fault.None), time ?? TimeProvider.System, expectedKey);
        app.MapPost("/v1/chat/completions", ctx => server.HandleAsync(ctx, chat: true));
        app.MapPost("/v1/completions", ctx => server.HandleAsync(ctx, chat: false));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext ctx, bool chat)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
            // another request raised the maximum concurrently: re-read and compare again
        }
        try
        {
            await HandleCoreAsync(ctx, chat);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCoreAsync(HttpContext ctx, bool chat)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        LastBody = body;
        using var json = JsonDocument.Parse(body);
        var prompt = chat
            ? json.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!
            : json.RootElement.GetProperty("prompt").GetString()!;
        var marker = DocMarker().Match(prompt);
        var doc = marker.Success ? int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        var attempt = _attemptsByPrompt.AddOrUpdate(prompt, 1, static (_, n) => n + 1);
        _requestsByDoc.AddOrUpdate(doc, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);

        if (_expectedKey is not null && ctx.Request.Headers.Authorization.ToString() != "Bearer " + _expectedKey)
        {
            // Like OpenAI, echo what was presented: the client must scrub it from anything it records.
            await WriteJson(ctx, 401, new { error = new { message = "Incorrect API key provided: " + ctx.Request.Headers.Authorization, code = "invalid_api_key" } });
            return;
        }

        var fault = _plan(new FaultRequest(doc, attempt, prompt));
        Log.Enqueue((doc, attempt, fault, _time.GetUtcNow()));
        switch (fault.Kind)
        {
            case FaultKind.RateLimitSeconds:
                ctx.Response.Headers.RetryAfter = fault.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteJson(ctx, 429, new { error = new { message = "Rate limit reached", code = "rate_limit_exceeded" } });
                return;
            case FaultKind.RateLimitDate:
                ctx.Response.Headers.RetryAfter = _time.GetUtcNow().AddSeconds(fault.Value).ToString("R");
                await WriteJson(ctx, 429, new { error = new { message = "Rate limit reached", code = "rate_limit_exceeded" } });
                return;
            case FaultKind.Status:
                await WriteJson(ctx, fault.Value, new { error = new { message = "server error", code = "server_error" } });
                return;
            case FaultKind.Reset:
                ctx.Abort();
                return;
            case FaultKind.MalformedJson:
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"trunc");
                return;
            case FaultKind.EmptyChoices:
                await WriteJson(ctx, 200, new { id = "x", choices = Array.Empty<object>(), usage = new { prompt_tokens = 1, completion_tokens = 0 } });
                return;
            case FaultKind.ContentFilter:
                await WriteJson(ctx, 400, new { error = new { message = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", code = "content_filter", status = 400 } });
                return;
            case FaultKind.Slow:
                try { await Task.Delay(SlowDelay, ctx.RequestAborted); }
                catch (OperationCanceledException) { return; }
                break;
        }
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency);

        var draftAt = prompt.LastIndexOf("Original Draft: ", StringComparison.Ordinal);
        var draft = draftAt >= 0 ? prompt[(draftAt + "Original Draft: ".Length)..] : prompt;
        var content = fault.Kind switch
        {
            FaultKind.MissingTags => "I would rather chat about something else.",
            FaultKind.EmptyContent => "",
            _ => "<thinking starts>\nplan\n<thinking ends>\n<improved response starts>\nREWRITTEN " + draft + "\n<improved response ends>",
        };
        var finish = fault.Kind == FaultKind.Truncated ? "length" : "stop";
        object choice = chat
            ? new { index = 0, message = new { role = "assistant", content }, finish_reason = finish }
            : new { index = 0, text = content, finish_reason = finish };
        await WriteJson(ctx, 200, new
        {
            id = "cmpl-1",
            @object = chat ? "chat.completion" : "text_completion",
            choices = new[] { choice },
            usage = new { prompt_tokens = prompt.Length / 4 + 1, completion_tokens = content.Length / 4 + 1, total_tokens = 0 },
        });
    }

    private static Task WriteJson(HttpContext ctx, int status, object value)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(value));
    }

    [GeneratedRegex(@"\[doc-(\d+)\]")]
    private static partial Regex DocMarker();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
