using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>
/// A real OpenAI-compatible chat-completions server on 127.0.0.1 (HttpListener, free port) answering with a
/// REWIRE-shaped echo ("REWRITTEN " + the draft between the output tags). Faults are chosen per request by a plan
/// from the <c>[doc-N]</c> marker and the attempt number; requests and successes are counted per document.
/// </summary>
public sealed partial class FakeLlmServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, int, LlmFault> _plan;
    private readonly string? _expectedKey;
    private readonly ConcurrentDictionary<int, int> _requests = new();
    private readonly ConcurrentDictionary<int, int> _successes = new();
    private readonly Task _loop;
    private int _total;

    /// <param name="plan">(document number, attempt for it, 1-based) → fault.</param>
    /// <param name="expectedKey">When set, requests without this bearer token get a 401 echoing what they sent.</param>
    public FakeLlmServer(Func<int, int, LlmFault>? plan = null, string? expectedKey = null)
    {
        _plan = plan ?? ((_, _) => LlmFault.None);
        _expectedKey = expectedKey;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _loop = Task.Run(AcceptLoop);
    }

    public string BaseUrl { get; }

    /// <summary>Delay before every answer (real time), so runs are long enough to interrupt.</summary>
    public TimeSpan Latency { get; set; }

    public int TotalRequests => Volatile.Read(ref _total);

    public int RequestsFor(int doc) => _requests.GetValueOrDefault(doc);

    /// <summary>Documents that received at least one successful (200, tagged) answer.</summary>
    public IReadOnlyCollection<int> AnsweredDocs => _successes.Keys.ToList();

    /// <summary>Every Authorization header value received (to check the key was really sent).</summary>
    public ConcurrentBag<string> Authorizations { get; } = [];

    public void ResetCounters()
    {
        _requests.Clear();
        _successes.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    private async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // the listener was stopped
            }
            _ = Task.Run(() => Handle(ctx));
        }
    }

    private async Task Handle(HttpListenerContext ctx)
    {
        try
        {
            await HandleCore(ctx);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            ctx.Response.Abort(); // the client went away (cancelled run)
        }
    }

    private async Task HandleCore(HttpListenerContext ctx)
    {
        string body;
        using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        var prompt = json.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
        var marker = DocMarker().Match(prompt);
        var doc = marker.Success ? int.Parse(marker.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
        var attempt = _requests.AddOrUpdate(doc, 1, static (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        var authorization = ctx.Request.Headers["Authorization"] ?? "";
        Authorizations.Add(authorization);
        if (Latency > TimeSpan.Zero) await Task.Delay(Latency);

        if (_expectedKey is not null && authorization != "Bearer " + _expectedKey)
        {
            await Write(ctx, 401, new { error = new { message = "Incorrect API key provided: " + authorization, code = "invalid_api_key" } });
            return;
        }
        switch (_plan(doc, attempt))
        {
            case LlmFault.Status500:
                await Write(ctx, 500, new { error = new { message = "server error", code = "server_error" } });
                return;
            case LlmFault.RateLimited:
                ctx.Response.Headers["Retry-After"] = "0";
                await Write(ctx, 429, new { error = new { message = "Rate limit reached", code = "rate_limit_exceeded" } });
                return;
            case LlmFault.Reset:
                ctx.Response.Abort();
                return;
            case LlmFault.ContentFilter:
                // Providers echo request details in errors; the stage must scrub the key before recording them.
                await Write(ctx, 400, new { error = new { message = "The prompt was filtered by the content management policy (request auth " + authorization + ")", code = "content_filter" } });
                return;
            case LlmFault.MissingTags:
                await Answer(ctx, "I would rather talk about something else.");
                return;
        }
        var draftAt = prompt.LastIndexOf("Original Draft: ", StringComparison.Ordinal);
        var draft = draftAt >= 0 ? prompt[(draftAt + "Original Draft: ".Length)..] : prompt;
        _successes.TryAdd(doc, 0);
        await Answer(ctx, "<thinking starts>\nplan\n<thinking ends>\n<improved response starts>\nREWRITTEN " + draft + "\n<improved response ends>");
    }

    private static Task Answer(HttpListenerContext ctx, string content) => Write(ctx, 200, new
    {
        id = "cmpl-1",
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 100, completion_tokens = content.Length / 4 + 1, total_tokens = 0 },
    });

    private static async Task Write(HttpListenerContext ctx, int status, object value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength64 = bytes.Length;
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }

    [GeneratedRegex(@"\[doc-(\d+)\]")]
    private static partial Regex DocMarker();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
