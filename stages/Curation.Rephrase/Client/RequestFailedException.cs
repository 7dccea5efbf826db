namespace Curation.Rephrase.Client;

/// <summary>
/// A request that did not produce a usable completion, classified as transient (worth retrying) or permanent,
/// with a stable <see cref="Reason"/> from <see cref="FailureReasons"/>. Messages never contain request headers.
/// </summary>
public sealed class RequestFailedException : Exception
{
    /// <summary>A failure with its stable reason; <paramref name="message"/> must already be free of secrets.</summary>
    public RequestFailedException(string reason, bool isTransient, string message, int? statusCode = null,
        TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        IsTransient = isTransient;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>A stable reason string such as <c>http_429</c> or <c>content_filter</c>.</summary>
    public string Reason { get; }

    /// <summary>True when retrying the same request may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked us to wait (Retry-After or retry-after-ms), when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for failures about the response body rather than the transport (retried only a few times).</summary>
    public bool IsContentFault => Reason is FailureReasons.MalformedJson or FailureReasons.EmptyChoices or FailureReasons.EmptyCompletion;
}
