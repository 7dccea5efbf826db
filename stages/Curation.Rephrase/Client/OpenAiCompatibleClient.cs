using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Curation.Rephrase.Client;

/// <summary>
/// Sends one prompt to an OpenAI-compatible endpoint and returns the first choice, turning every way a request
/// can go wrong into a classified <see cref="RequestFailedException"/>. One attempt per call: retries, timeouts and
/// the circuit breaker live in the resilience pipeline around it.
/// </summary>
public sealed class OpenAiCompatibleClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string? _apiKey;
    private readonly TimeProvider _time;
    private readonly Uri _url;

    /// <param name="endpoint">Server, model and API style.</param>
    /// <param name="httpClient">A caller-owned client (tests, proxies); by default a pooled one is created and disposed with this object.</param>
    /// <param name="timeProvider">Clock used to turn an HTTP-date Retry-After into a wait.</param>
    /// <param name="environment">Environment lookup for the API key (defaults to the process environment).</param>
    public OpenAiCompatibleClient(EndpointOptions endpoint, HttpClient? httpClient = null, TimeProvider? timeProvider = null,
        Func<string, string?>? environment = null)
    {
        endpoint.Validate();
        Endpoint = endpoint;
        _url = endpoint.OperationUrl;
        _time = timeProvider ?? TimeProvider.System;
        var key = (environment ?? Environment.GetEnvironmentVariable)(endpoint.ApiKeyVariable);
        _apiKey = string.IsNullOrEmpty(key) ? null : key;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler
        {
            // Long runs at high concurrency: keep connections warm, but recycle them so DNS changes are seen.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 1024,
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            // The per-attempt timeout belongs to the resilience pipeline, which also knows the TimeProvider.
            Timeout = Timeout.InfiniteTimeSpan,
            // A broken server or proxy must not make us buffer an endless body.
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
    }

    /// <summary>The largest response body accepted (64 MiB; a generation of a few thousand tokens is tens of KB).</summary>
    public const int MaxResponseBytes = 64 << 20;

    /// <summary>The endpoint this client talks to.</summary>
    public EndpointOptions Endpoint { get; }

    /// <summary>True when an API key was found in the configured environment variable.</summary>
    public bool HasApiKey => _apiKey is not null;

    /// <summary>Sends one request; returns the first choice or throws <see cref="RequestFailedException"/> (or OperationCanceledException when cancelled).</summary>
    public async Task<Completion> CompleteAsync(string prompt, string? system, GenerationOptions options, CancellationToken cancellationToken)
    {
        var body = OpenAiWire.WriteRequest(Endpoint.Style, Endpoint.Model, system, prompt, options);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (_apiKey is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);

        byte[] responseBody;
        HttpStatusCode status;
        HttpResponseHeaders headers;
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            headers = response.Headers;
            responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw Transport(e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new RequestFailedException(FailureReasons.ConnectionReset, true, Scrub($"connection lost while reading the response: {e.Message}"), inner: null);
        }

        using (response)
        {
            var code = (int)status;
            if (code is >= 200 and < 300)
                return OpenAiWire.ReadResponse(Endpoint.Style, responseBody, prompt.Length + (system?.Length ?? 0));
            throw Status(code, headers, responseBody);
        }
    }

    private RequestFailedException Status(int code, HttpResponseHeaders headers, byte[] body)
    {
        var (errorCode, errorMessage) = OpenAiWire.ReadError(body);
        var detail = Scrub($"HTTP {code}{(errorCode.Length > 0 ? " " + errorCode : "")}: {Truncate(errorMessage)}");
        var retryAfter = RetryAfterHeader.Read(headers, _time.GetUtcNow());
        if (code == 429 || code == 408 || code == 409 || code >= 500)
            return new RequestFailedException(code == 408 ? FailureReasons.Timeout : FailureReasons.ForStatus(code), true, detail, code, retryAfter);
        if (IsContentFilter(code, errorCode, errorMessage))
            return new RequestFailedException(FailureReasons.ContentFilter, false, detail, code);
        var reason = code switch
        {
            400 or 413 or 422 => FailureReasons.BadRequest,
            401 => FailureReasons.Unauthorized,
            403 => FailureReasons.Forbidden,
            404 => FailureReasons.NotFound,
            _ => FailureReasons.ClientError,
        };
        return new RequestFailedException(reason, false, detail, code);
    }

    private static bool IsContentFilter(int code, string errorCode, string message) =>
        code is 400 or 403 &&
        (errorCode.Contains("content_filter", StringComparison.OrdinalIgnoreCase) ||
         errorCode.Contains("content_policy", StringComparison.OrdinalIgnoreCase) ||
         message.Contains("content management policy", StringComparison.OrdinalIgnoreCase) ||
         message.Contains("content filter", StringComparison.OrdinalIgnoreCase));

    private RequestFailedException Transport(HttpRequestException e)
    {
        var reset = e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse
            || e.InnerException is IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } }
            || e.InnerException is IOException && e.HttpRequestError != HttpRequestError.ConnectionError;
        var reason = reset ? FailureReasons.ConnectionReset : FailureReasons.ConnectionError;
        return new RequestFailedException(reason, true, Scrub($"{e.HttpRequestError}: {e.Message}"));
    }

    /// <summary>Removes the API key from any text that may be logged or recorded (servers sometimes echo it in 401 bodies).</summary>
    public string Scrub(string text) =>
        _apiKey is null ? text : text.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "..." : s;

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}
