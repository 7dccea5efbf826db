using Curation.Dedup.Paragraphs;
using Curation.Formats.Compression;
using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Dedup;

/// <summary>
/// <c>&lt;id&gt;.filter</c> of <c>dedup.paragraph</c>: one task per input group; rewrites each document without its
/// repeated segments (<c>dedup_removed_segments</c> in metadata) and rejects those left empty (reason <c>duplicate_paragraphs</c>).
/// </summary>
public sealed class ParagraphFilterTaskStep(StepConfig config, ParagraphOptions options, DedupInput input, FormatRegistry formats) : IStep
{
    /// <summary>Metadata key of the number of segments removed from a kept document.</summary>
    public const string RemovedKey = "dedup_removed_segments";

    /// <inheritdoc />
    public string Id => config.Id + ".filter";

    /// <inheritdoc />
    public string Kind => "dedup.paragraph.filter";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => new[] { config.Id + ".matches" }.Union(config.Input?.From ?? []).ToList();

    /// <summary>The hash step's plan: the same tasks over the same files.</summary>
    public StepPlan Plan(PlanContext context, ConfigErrors errors) =>
        context.Earlier.TryGetValue(config.Id + ".hashes", out var p) ? p : input.Plan(Id, context, errors);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var matches = EngineFiles.View(rt, config.Id + ".matches", ParagraphMatchTaskStep.OutputKind, "removals");
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);
        var (ext, factory) = formats.WriterFor(config.Output.Format);
        using var writer = factory(part => rt.Outputs.PathFor(OutputKinds.Data,
            rt.Outputs.Prefix + (part == 0 ? "" : "-" + part.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) + ext),
            config.Output.MaxFileBytes, config.Output.Level);
        using var rejects = new JsonlDocumentWriter(_ => rt.Outputs.PathFor(OutputKinds.Rejects, rt.Outputs.Prefix + ".jsonl.gz"), CompressionKind.Gzip);
        var pending = new Queue<Document>();
        var engineDocs = input.Read(rt, quarantine, ct).Select(d =>
        {
            pending.Enqueue(d);
            return input.ToEngine(d);
        });
        long segmentsRemoved = 0, emptied = 0;
        foreach (var result in new ParagraphFilterStep(options.Engine()).Run(rt.Info.Rank, engineDocs, matches, options.Shards))
        {
            var doc = pending.Dequeue();
            segmentsRemoved += result.RemovedSegments;
            if (result.RemovedSegments > 0 && result.Text.Trim().Length == 0)
            {
                emptied++;
                if (config.Output.Rejects)
                    rejects.WriteRecord(w => DocumentJson.Write(w, doc, [new("reject_stage", config.Id), new("reject_reason", "duplicate_paragraphs")]));
                continue;
            }
            writer.Write(result.RemovedSegments == 0 ? doc : (doc with { Text = result.Text }).WithMeta(RemovedKey, result.RemovedSegments));
        }
        foreach (var f in writer.Complete())
        {
            rt.Outputs.Add(OutputKinds.Data, f);
            rt.Stats.DocsWritten += f.Records;
            rt.Stats.BytesWritten += f.Bytes;
        }
        foreach (var f in rejects.Complete()) rt.Outputs.Add(OutputKinds.Rejects, f);
        rt.Stats.Counters["removed_segments"] = segmentsRemoved;
        rt.Stats.Counters["emptied_documents"] = emptied;
        quarantine.Complete();
        TaskDocuments.CheckErrorBudget(rt, Id);
        return Task.CompletedTask;
    }
}
