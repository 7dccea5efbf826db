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
    public StepPlan Plan(string stepId, PlanContext context, ConfigErrors errors)
    {
        var input = config.Input!;
        if (input.From.Count == 0) return InputPlanner.PlanFiles(stepId, input, formats, errors);
        var tasks = 0;
        foreach (var f in input.From)
        {
            if (context.Earlier.TryGetValue(f, out var p)) tasks = Math.Max(tasks, p.Tasks);
            else errors.Add($"steps.{config.Id}.input.from", $"'{f}' is not an earlier step");
        }
        return new StepPlan(Math.Max(tasks, 1));
    }

    /// <summary>This rank's documents, in file order, counting input stats and quarantining malformed records.</summary>
    public IEnumerable<Document> Read(TaskRuntime rt, IQuarantine quarantine, CancellationToken ct)
    {
        var input = config.Input!;
        var fromUpstream = input.From.Count > 0;
        var files = fromUpstream ? rt.UpstreamDataFiles(input.From) : rt.InputFiles.Select(f => f.Path).ToList();
        var readOptions = new ReadOptions
        {
            TextKey = input.TextKey,
            IdKey = input.IdKey,
            MaxRecordBytes = input.MaxRecordBytes,
            BaseDirectory = fromUpstream ? rt.Run.Root : InputPlanner.BaseDirectory(input),
        };
        foreach (var file in files)
        {
            var reader = formats.ReaderFor(file, fromUpstream ? InputFormat.Auto : input.Format);
            foreach (var doc in reader.Read(file, readOptions, rt.Stats.Input, quarantine, ct))
                yield return doc;
        }
    }

    /// <summary>The engine's view of a document: the text it signs (the URL for <c>dedup.url</c>) and its priority.</summary>
    public DedupDocument ToEngine(Document doc) => new(
        doc.Id,
        mode == DedupMode.Url ? doc.Metadata.GetString(options.UrlKey) ?? "" : doc.Text,
        options.PriorityKey is { } key ? doc.Metadata.GetDouble(key) ?? 0 : 0);

    /// <summary>Fails the task when malformed records exceed the run's error budget.</summary>
    public static void CheckErrorBudget(TaskRuntime rt, string stepId)
    {
        var bad = rt.Stats.Input.MalformedTotal;
        var allowed = rt.ErrorBudget.Allowed(rt.Stats.Input.Records);
        if (bad > allowed)
            throw new ErrorBudgetExceededException($"step {stepId} rank {rt.Info.Rank}: {bad} of {rt.Stats.Input.Records} records malformed, over the error budget of {allowed}", null);
    }
}
