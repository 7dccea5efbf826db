using Curation.Dedup;
using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Dedup;

/// <summary>
/// Reads one rank's documents for the signature and filter steps: the same files in the same order both times,
/// which is what lets the filter step pair the engine's decisions with the documents positionally.
/// </summary>
public sealed class DedupInput(StepConfig config, DedupOptions options, DedupMode mode, FormatRegistry formats)
{
    /// <summary>Tasks: one per upstream rank, or one per input file group.</summary>
    public StepPlan Plan(string stepId, PlanContext context, ConfigErrors errors) =>
        TaskDocuments.Plan(stepId, config.Id, config.Input!, context, formats, errors);

    /// <summary>This rank's documents, in file order, counting input stats and quarantining malformed records.</summary>
    public IEnumerable<Document> Read(TaskRuntime rt, IQuarantine quarantine, CancellationToken ct) =>
        TaskDocuments.Read(rt, config.Input!, formats, quarantine, ct);

    /// <summary>The engine's view of a document: the text it signs (the URL for <c>dedup.url</c>) and its priority.</summary>
    public DedupDocument ToEngine(Document doc) => new(
        doc.Id,
        mode == DedupMode.Url ? doc.Metadata.GetString(options.UrlKey) ?? "" : doc.Text,
        options.PriorityKey is { } key ? doc.Metadata.GetDouble(key) ?? 0 : 0);
}
