using Curation.Pipeline.Documents;
using Curation.Rephrase.Runner;

namespace Curation.Stages.Rephrase;

/// <summary>The metadata keys and reject reasons the rephrase stages write; part of the output format.</summary>
public static class RephraseMetadata
{
    /// <summary>The id of the document a rewrite was made from.</summary>
    public const string ParentId = "parent_id";
    public const string Model = "rephrase_model";
    public const string TemplateId = "rephrase_template";
    public const string TemplateVersion = "rephrase_template_version";
    public const string PromptHash = "rephrase_prompt_hash";
    public const string PromptTokens = "rephrase_prompt_tokens";
    public const string CompletionTokens = "rephrase_completion_tokens";
    public const string Chunks = "rephrase_chunks";
    /// <summary>Present (and positive) only when some chunk's generation stopped at max_tokens.</summary>
    public const string TruncatedChunks = "rephrase_truncated_chunks";
    /// <summary>On a reject record: the failure's detail (the endpoint's message, scrubbed of the API key).</summary>
    public const string Error = "rephrase_error";
    public const string Attempts = "rephrase_attempts";

    /// <summary>The reject reason of documents the selection did not pick, under <c>unselected: drop</c>.</summary>
    public const string NotSelected = "rephrase_not_selected";

    /// <summary>The reject reason of a permanent failure: <c>rephrase_</c> plus the engine's stable reason.</summary>
    public static string FailureReason(string engineReason) => "rephrase_" + engineReason;

    /// <summary>The id given to the rewrite of <paramref name="parentId"/> made with template <paramref name="templateId"/>.</summary>
    public static string RewriteId(string parentId, string templateId) => parentId + "#" + templateId;

    /// <summary>The rewrite as a document: the parent's metadata plus provenance, a new id, the rewritten text.</summary>
    public static Document Rewrite(Document parent, RephraseOutcome.Rewritten rewritten)
    {
        var p = rewritten.Provenance;
        var metadata = parent.Metadata.With(
        [
            new(ParentId, p.ParentId),
            new(Model, p.Model),
            new(TemplateId, p.TemplateId),
            new(TemplateVersion, p.TemplateVersion),
            new(PromptHash, p.PromptHash),
            new(PromptTokens, p.Usage.PromptTokens),
            new(CompletionTokens, p.Usage.CompletionTokens),
            new(Chunks, (long)p.Chunks),
        ]);
        if (p.TruncatedChunks > 0) metadata = metadata.With(TruncatedChunks, (long)p.TruncatedChunks);
        return parent with { Id = RewriteId(parent.Id, p.TemplateId), Text = rewritten.Text, Metadata = metadata };
    }

    /// <summary>The original document annotated with why its rewrite failed, for the rejects file.</summary>
    public static Document WithFailure(Document original, RephraseOutcome.Failed failed) =>
        original with { Metadata = original.Metadata.With([new(Error, failed.Detail), new(Attempts, (long)failed.Attempts)]) };
}
