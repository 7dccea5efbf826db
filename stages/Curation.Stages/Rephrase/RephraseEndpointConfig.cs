namespace Curation.Stages.Rephrase;

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
