using Curation.Pipeline.Config;

namespace Curation.Stages.Rephrase;

/// <summary>Options of the <c>rephrase</c> stage, bound strictly from YAML.</summary>
public sealed class RephraseStageOptions : IConfigValidatable
{
    /// <summary>The OpenAI-compatible server and model.</summary>
    public RephraseEndpointConfig Endpoint { get; set; } = new();

    /// <summary>A built-in template name (rewire, wrap-wikipedia, wrap-qa, wrap-easy, wrap-hard) or a template file.</summary>
    public string Template { get; set; } = "rewire";

    /// <summary>Sampling options; unset values use the server's defaults.</summary>
    public RephraseGenerationConfig Generation { get; set; } = new();

    /// <summary>Estimated tokens of document text per request; longer documents are split at paragraphs.</summary>
    public int ContextTokens { get; set; } = 4000;

    /// <summary>Requests in flight at once, per task.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Requests and tokens per minute, per task.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Tokens per minute, per task (estimated prompt tokens plus max_tokens per attempt).</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>Most prompt + completion tokens of fresh generations, per task.</summary>
    public long? MaxTotalTokens { get; set; }

    /// <summary>Retry, timeout and breaker settings.</summary>
    public RephraseResilienceConfig Resilience { get; set; } = new();

    /// <summary>The generation cache; default <c>&lt;run&gt;/rephrase/generations.sqlite</c>, shared by every task (SQLite WAL).</summary>
    public string? CachePath { get; set; }

    /// <summary>Which documents are rewritten; absent means all of them.</summary>
    public RephraseSelectionConfig? Select { get; set; }

    /// <summary>What happens to documents not selected.</summary>
    public UnselectedPolicy Unselected { get; set; } = UnselectedPolicy.Keep;

    /// <summary>Replace the text, or append the rewrite as a new document.</summary>
    public RephraseOutputMode Mode { get; set; } = RephraseOutputMode.Replace;

    /// <summary>What happens to documents that were never started (budget or endpoint).</summary>
    public NotProcessedPolicy NotProcessed { get; set; } = NotProcessedPolicy.Fail;

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Endpoint.BaseUrl)) errors.Add($"{path}.endpoint.base_url", "set the server's API root, e.g. http://127.0.0.1:8000/v1");
        else if (!Uri.TryCreate(Endpoint.BaseUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
            errors.Add($"{path}.endpoint.base_url", $"'{Endpoint.BaseUrl}' is not an absolute http(s) URL");
        if (string.IsNullOrWhiteSpace(Endpoint.Model)) errors.Add($"{path}.endpoint.model", "set the model name");
        if (string.IsNullOrWhiteSpace(Template)) errors.Add($"{path}.template", "set a built-in template name or a template file");
        if (ContextTokens < 1) errors.Add($"{path}.context_tokens", "must be at least 1");
        if (Concurrency is < 1 or > 4096) errors.Add($"{path}.concurrency", "must be within [1, 4096]");
        if (RequestsPerMinute is < 1) errors.Add($"{path}.requests_per_minute", "must be positive");
        if (TokensPerMinute is < 1) errors.Add($"{path}.tokens_per_minute", "must be positive");
        if (MaxTotalTokens is < 0) errors.Add($"{path}.max_total_tokens", "must not be negative");
        if (Generation.Temperature is < 0 or > 2) errors.Add($"{path}.generation.temperature", "must be within [0, 2]");
        if (Generation.TopP is <= 0 or > 1) errors.Add($"{path}.generation.top_p", "must be within (0, 1]");
        if (Generation.MaxTokens is < 1) errors.Add($"{path}.generation.max_tokens", "must be positive");
        if (Generation.Stop.Count > 4 || Generation.Stop.Any(string.IsNullOrEmpty)) errors.Add($"{path}.generation.stop", "at most 4 non-empty stop sequences");
        if (Resilience.MaxRetries < 0) errors.Add($"{path}.resilience.max_retries", "must not be negative");
        if (Resilience.BaseDelay <= TimeSpan.Zero || Resilience.MaxDelay < Resilience.BaseDelay)
            errors.Add($"{path}.resilience", "base_delay must be positive and max_delay at least base_delay");
        if (Resilience.AttemptTimeout <= TimeSpan.Zero) errors.Add($"{path}.resilience.attempt_timeout", "must be positive");
        Select?.Validate($"{path}.select", errors);
    }
}

