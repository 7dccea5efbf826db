using Curation.Rephrase.Client;

namespace Curation.Rephrase.Runner;

/// <summary>Where a rewrite came from, for its metadata: parent document, model, template and the tokens it cost.</summary>
/// <param name="ParentId">The id of the input document.</param>
/// <param name="Model">The model that generated it.</param>
/// <param name="TemplateId">The template's stable name.</param>
/// <param name="TemplateVersion">The template's version.</param>
/// <param name="PromptHash">The template's wording hash (<see cref="Prompts.PromptTemplate.Hash"/>).</param>
/// <param name="Usage">Tokens of every chunk's generation (also when served from the cache).</param>
/// <param name="Chunks">How many requests the document was split into.</param>
/// <param name="CachedChunks">How many of them came from the cache instead of the endpoint.</param>
/// <param name="Attempts">HTTP attempts made in this run (0 when everything was cached).</param>
/// <param name="TruncatedChunks">Chunks whose generation stopped at max_tokens (finish_reason "length"): the rewrite may be cut short.</param>
public sealed record RephraseProvenance(
    string ParentId,
    string Model,
    string TemplateId,
    string TemplateVersion,
    string PromptHash,
    TokenUsage Usage,
    int Chunks,
    int CachedChunks,
    int Attempts,
    int TruncatedChunks);
