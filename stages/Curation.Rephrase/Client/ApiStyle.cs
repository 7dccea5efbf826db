namespace Curation.Rephrase.Client;

/// <summary>Which OpenAI-compatible API a request is sent to.</summary>
public enum ApiStyle
{
    /// <summary><c>POST {base}/chat/completions</c> with a single user turn (and an optional system turn).</summary>
    ChatCompletions,

    /// <summary><c>POST {base}/completions</c> with the rendered prompt as plain text.</summary>
    Completions,
}
