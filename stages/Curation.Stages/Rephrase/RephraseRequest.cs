using Curation.Rephrase.Client;

namespace Curation.Stages.Rephrase;

/// <summary>What <c>curate rephrase</c> was asked to do; <see cref="RephraseShortcut"/> turns it into a run.</summary>
public sealed record RephraseRequest
{
    /// <summary>Input globs (JSONL, JSONL.gz/.zst, Parquet, text).</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The output file; must end in <c>.jsonl</c>. Failures go to <c>&lt;stem&gt;.failures.jsonl</c> beside it.</summary>
    public required string Output { get; init; }

    /// <summary>The API root of the server.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The model name.</summary>
    public required string Model { get; init; }

    /// <summary>A built-in template name or a template file.</summary>
    public string Template { get; init; } = "rewire";

    /// <summary>Chat-completions or completions.</summary>
    public ApiStyle Api { get; init; } = ApiStyle.ChatCompletions;

    /// <summary>The environment variable holding the API key.</summary>
    public string ApiKeyEnv { get; init; } = "OPENAI_API_KEY";

    /// <summary>Requests in flight per task.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>A selection expression (see <see cref="RephraseShortcut.ParseSelect"/>), or null for every document.</summary>
    public string? Select { get; init; }

    /// <summary>Most tokens per completion (server default when null).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Sampling temperature (server default when null).</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling mass (server default when null).</summary>
    public double? TopP { get; init; }

    /// <summary>Retries of transient failures per request.</summary>
    public int MaxRetries { get; init; } = 8;

    /// <summary>First backoff delay.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Tasks (input files) run at once.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>The run directory (default <c>OUTPUT.run</c>); rerunning the same command resumes there.</summary>
    public string? RunDirectory { get; init; }
}
