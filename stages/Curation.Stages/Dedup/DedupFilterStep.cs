using Curation.Dedup.Steps;
using Curation.Formats.Compression;
using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Dedup;

/// <summary>
/// <c>&lt;id&gt;.filter</c>: one task per input group. Reads the same documents again and writes the kept ones
/// through the output format's writer, with cluster metadata (<c>dedup_cluster</c>, <c>dedup_cluster_size</c>,
/// <c>dedup_duplicates</c>, for FineWeb2-style rebalancing), and the removed ones as rejects with reason
/// <c>near_duplicate</c> (or <c>duplicate</c> for exact and URL dedup).
/// </summary>
public sealed class DedupFilterStep(StepConfig config, DedupMode mode, DedupInput input, FormatRegistry formats) : IStep
{
    /// <summary>Metadata key of the cluster id on kept documents.</summary>
    public const string ClusterKey = "dedup_cluster";

    /// <summary>Metadata key of the cluster size on kept documents.</summary>
    public const string ClusterSizeKey = "dedup_cluster_size";

    /// <summary>Metadata key of the number of removed copies on kept documents.</summary>
    public const string DuplicatesKey = "dedup_duplicates";

    /// <inheritdoc />
    public string Id => config.Id + ".filter";

    /// <inheritdoc />
    public string Kind => DedupModule.KindName(mode) + ".filter";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => new[] { config.Id + ".clusters" }.Union(config.Input?.From ?? []).ToList();

    /// <summary>The signature step's plan: the same tasks over the same files.</summary>
    public StepPlan Plan(PlanContext context, ConfigErrors errors) =>
        context.Earlier.TryGetValue(config.Id + ".signatures", out var p) ? p : input.Plan(Id, context, errors);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var clusterDir = EngineFiles.View(rt, config.Id + ".clusters", DedupClusterStep.OutputKind, "clusters");
        var reason = mode == DedupMode.MinHash ? "near_duplicate" : "duplicate";
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);
        var (ext, factory) = formats.WriterFor(config.Output.Format);
        using var writer = factory(part => rt.Outputs.PathFor(OutputKinds.Data,
            rt.Outputs.Prefix + (part == 0 ? "" : "-" + part.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) + ext),
            config.Output.MaxFileBytes, config.Output.Level);
        using var rejects = new JsonlDocumentWriter(_ => rt.Outputs.PathFor(OutputKinds.Rejects, rt.Outputs.Prefix + ".jsonl.gz"), CompressionKind.Gzip);

        // Decisions come out in input order, one per document: the queue pairs each with its full document.
        var pending = new Queue<Document>();
        var engineDocs = input.Read(rt, quarantine, ct).Select(d =>
        {
            pending.Enqueue(d);
            return input.ToEngine(d);
        });
        long n = 0, kept = 0, removed = 0;
        foreach (var decision in new FilterStep().Run(rt.Info.Rank, engineDocs, clusterDir))
        {
            var doc = pending.Dequeue();
            if (!string.Equals(doc.Id, decision.Document.Id, StringComparison.Ordinal))
                throw new InvalidDataException($"step {Id} rank {rt.Info.Rank}: document {doc.Id} paired with the decision for {decision.Document.Id}; the input changed since the signatures step");
            if (decision.Keep)
            {
                writer.Write(doc.WithMeta(ClusterKey, decision.Cluster).WithMeta(ClusterSizeKey, decision.ClusterSize).WithMeta(DuplicatesKey, decision.Duplicates));
                kept++;
            }
            else
            {
                removed++;
                if (config.Output.Rejects)
                    rejects.WriteRecord(w => DocumentJson.Write(w, doc,
                        [new("reject_stage", config.Id), new("reject_reason", reason), new(ClusterKey, decision.Cluster), new(ClusterSizeKey, decision.ClusterSize)]));
            }
            if ((++n & 1023) == 0) rt.ReportProgress(n);
        }
        rt.ReportProgress(n);
        foreach (var f in writer.Complete())
        {
            rt.Outputs.Add(OutputKinds.Data, f);
            rt.Stats.DocsWritten += f.Records;
            rt.Stats.BytesWritten += f.Bytes;
        }
        foreach (var f in rejects.Complete()) rt.Outputs.Add(OutputKinds.Rejects, f);
        rt.Stats.Counters["kept"] = kept;
        rt.Stats.Counters["removed"] = removed;
        quarantine.Complete();
        TaskDocuments.CheckErrorBudget(rt, Id);
        return Task.CompletedTask;
    }
}
