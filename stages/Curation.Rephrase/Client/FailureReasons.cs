namespace Curation.Rephrase.Client;

/// <summary>
/// The stable reason strings used in failure records, retry statistics and logs. They are part of the
/// output format: scripts filter rejects by them, so they never change once released.
/// </summary>
public static class FailureReasons
{
    /// <summary>HTTP 429: the endpoint asked us to slow down (transient).</summary>
    public const string RateLimited = "http_429";

    /// <summary>No response within the per-attempt timeout (transient).</summary>
    public const string Timeout = "timeout";

    /// <summary>The connection was reset or closed before a full response arrived (transient).</summary>
    public const string ConnectionReset = "connection_reset";

    /// <summary>The endpoint could not be reached at all (transient).</summary>
    public const string ConnectionError = "connection_error";

    /// <summary>A 2xx response whose body is not the expected JSON (transient: servers under load truncate bodies).</summary>
    public const string MalformedJson = "malformed_json";

    /// <summary>A 2xx response with no choices (transient).</summary>
    public const string EmptyChoices = "empty_choices";

    /// <summary>A choice without any generated text (transient).</summary>
    public const string EmptyCompletion = "empty_completion";

    /// <summary>The circuit breaker is open because the endpoint keeps failing (transient while it lasts).</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The provider's content filter refused the prompt or the completion (permanent).</summary>
    public const string ContentFilter = "content_filter";

    /// <summary>HTTP 400/413/422 other than a content filter: the request itself is wrong (permanent).</summary>
    public const string BadRequest = "bad_request";

    /// <summary>HTTP 401 (permanent).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>HTTP 403 (permanent).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>HTTP 404: wrong URL or model (permanent).</summary>
    public const string NotFound = "not_found";

    /// <summary>Any other 4xx status (permanent).</summary>
    public const string ClientError = "client_error";

    /// <summary>The response lacks the template's output tags, e.g. REWIRE's improved-response tags (permanent).</summary>
    public const string MissingOutputTags = "missing_output_tags";

    /// <summary>The output tags are present but enclose nothing (permanent).</summary>
    public const string EmptyOutput = "empty_output";

    /// <summary>Every retry of a transient failure failed; the record's detail names the last cause (permanent for this run).</summary>
    public const string RetriesExhausted = "retries_exhausted";

    /// <summary>The endpoint stayed dead (circuit open after all retries); the run stops starting new documents.</summary>
    public const string EndpointUnavailable = "endpoint_unavailable";

    /// <summary>The document has no text to rewrite (no request is sent).</summary>
    public const string EmptyInput = "empty_input";

    /// <summary>Not started because the token/cost budget would be exceeded.</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>The reason for a non-2xx server status: <c>http_500</c>, <c>http_503</c>, ...</summary>
    public static string ForStatus(int status) => "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
