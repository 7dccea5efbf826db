using System.Text.Json;
using System.Text.Json.Serialization;

namespace Curation.Rephrase.Runner;

/// <summary>
/// The counters of a run: HTTP requests sent (every attempt), cache hits (generations not re-sent), tokens billed by
/// the endpoint for fresh generations, documents by outcome, retries by cause and failures by reason.
/// </summary>
public sealed record RephraseStatsSnapshot(
    long Requests,
    long CacheHits,
    long PromptTokens,
    long CompletionTokens,
    long Rewritten,
    long Failed,
    long NotProcessed,
    SortedDictionary<string, long> RetriesByCause,
    SortedDictionary<string, long> FailuresByReason)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Retries of all causes.</summary>
    public long Retries => RetriesByCause.Values.Sum();

    /// <summary>Indented snake_case JSON, for a run directory's stats file.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
