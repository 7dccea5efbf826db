using Curation.Pipeline.Config;

namespace Curation.Stages.Rephrase;

/// <summary>Where rewritten text goes: instead of the original, or as a second document beside it.</summary>
public enum RephraseOutputMode
{
    /// <summary>The rewrite replaces the original (one document out per document in).</summary>
    Replace,
    /// <summary>The original is kept and the rewrite follows it as a new document.</summary>
    Append,
}

/// <summary>What happens to documents the selection does not pick.</summary>
public enum UnselectedPolicy
{
    /// <summary>They pass through unchanged.</summary>
    Keep,
    /// <summary>They are dropped (to rejects, reason <c>rephrase_not_selected</c>).</summary>
    Drop,
}

/// <summary>What happens to documents the run never started (token budget spent, endpoint dead).</summary>
public enum NotProcessedPolicy
{
    /// <summary>The task fails, so nothing partial is committed; a rerun resumes from the generation cache.</summary>
    Fail,
    /// <summary>The original passes through unchanged and the task completes (counted as <c>rephrase.not_processed</c>).</summary>
    Keep,
}

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
        Select?.Validate($"{path}.select", errors);
    }
}

/// <summary>The <c>endpoint</c> block of the <c>rephrase</c> stage.</summary>
public sealed class RephraseEndpointConfig
{
    /// <summary>The API root including its version segment, e.g. <c>http://127.0.0.1:8000/v1</c>.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The model name sent with every request.</summary>
    public string Model { get; set; } = "";

    /// <summary><c>chat_completions</c> (default) or <c>completions</c>.</summary>
    public Curation.Rephrase.Client.ApiStyle Api { get; set; } = Curation.Rephrase.Client.ApiStyle.ChatCompletions;

    /// <summary>The environment variable holding the API key (the key itself never appears in a config).</summary>
    public string ApiKeyEnv { get; set; } = "OPENAI_API_KEY";
}

/// <summary>The <c>generation</c> block: sampling options sent with every request.</summary>
public sealed class RephraseGenerationConfig
{
    public double? Temperature { get; set; }
    public double? TopP { get; set; }
    public int? MaxTokens { get; set; }
    public List<string> Stop { get; set; } = [];
}

/// <summary>The <c>resilience</c> block: retries, backoff and per-attempt timeout.</summary>
public sealed class RephraseResilienceConfig
{
    public int MaxRetries { get; set; } = 8;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
