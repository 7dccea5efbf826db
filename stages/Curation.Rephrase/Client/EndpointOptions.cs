namespace Curation.Rephrase.Client;

/// <summary>Where generations come from: an OpenAI-compatible server (vLLM, llama.cpp, TGI or a hosted API) and a model.</summary>
/// <remarks>
/// The API key itself is deliberately not a property: only the name of the environment variable that holds it
/// travels through options, so printing or serialising options can never leak it.
/// </remarks>
public sealed record EndpointOptions
{
    /// <summary>The API root including its version segment, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>The model name sent in every request and recorded in provenance and cache keys.</summary>
    public required string Model { get; init; }

    /// <summary>Chat-completions (default) or legacy completions.</summary>
    public ApiStyle Style { get; init; } = ApiStyle.ChatCompletions;

    /// <summary>The environment variable holding the bearer token; when it is unset or empty no Authorization header is sent.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>The absolute URL of the operation this style calls.</summary>
    public Uri OperationUrl
    {
        get
        {
            var root = BaseUrl.AbsoluteUri.TrimEnd('/');
            return new Uri(root + (Style == ApiStyle.ChatCompletions ? "/chat/completions" : "/completions"));
        }
    }

    internal void Validate()
    {
        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"endpoint base URL must be an absolute http(s) URL, got '{BaseUrl}'");
        if (string.IsNullOrWhiteSpace(Model))
            throw new ArgumentException("endpoint model must not be empty");
        if (string.IsNullOrWhiteSpace(ApiKeyVariable))
            throw new ArgumentException("the API key variable name must not be empty");
    }
}
