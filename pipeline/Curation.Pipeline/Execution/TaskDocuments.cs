using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Pipeline.Execution;

/// <summary>
/// What every document-reading step shares: planning its tasks from an <see cref="InputConfig"/> (one per input
/// file group, or one per upstream rank), reading one rank's documents in a fixed order, and the error budget.
/// </summary>
public static class TaskDocuments
{
    /// <summary>Tasks of a step that reads <paramref name="input"/>: file groups, or the largest upstream task count.</summary>
    public static StepPlan Plan(string stepId, string configId, InputConfig input, PlanContext context, FormatRegistry formats, ConfigErrors errors)
    {
        if (input.From.Count == 0) return InputPlanner.PlanFiles(stepId, input, formats, errors);
        var tasks = 0;
        foreach (var f in input.From)
        {
            if (context.Earlier.TryGetValue(f, out var p)) tasks = Math.Max(tasks, p.Tasks);
            else errors.Add($"steps.{configId}.input.from", $"'{f}' is not an earlier step");
        }
        return new StepPlan(Math.Max(tasks, 1));
    }

    /// <summary>This rank's files: its planned input files, or its share of the upstream steps' outputs.</summary>
    public static IReadOnlyList<string> Files(TaskRuntime rt, InputConfig input) =>
        input.From.Count > 0 ? rt.UpstreamDataFiles(input.From) : rt.InputFiles.Select(f => f.Path).ToList();

    /// <summary>
    /// This rank's documents, file by file in plan order (the same order on every read, which multi-pass steps rely
    /// on), counting input stats and quarantining malformed records.
    /// </summary>
    public static IEnumerable<Document> Read(TaskRuntime rt, InputConfig input, FormatRegistry formats, IQuarantine quarantine, CancellationToken ct,
        Action<string>? onFile = null)
    {
        var fromUpstream = input.From.Count > 0;
        var options = new ReadOptions
        {
            TextKey = input.TextKey,
            IdKey = input.IdKey,
            MaxRecordBytes = input.MaxRecordBytes,
            BaseDirectory = fromUpstream ? rt.Run.Root : InputPlanner.BaseDirectory(input),
        };
        foreach (var file in Files(rt, input))
        {
            onFile?.Invoke(file);
            var reader = formats.ReaderFor(file, fromUpstream ? InputFormat.Auto : input.Format);
            foreach (var doc in reader.Read(file, options, rt.Stats.Input, quarantine, ct))
                yield return doc;
        }
    }

    /// <summary>Fails the task when its malformed records exceed the run's error budget.</summary>
    public static void CheckErrorBudget(TaskRuntime rt, string stepId)
    {
        var bad = rt.Stats.Input.MalformedTotal;
        var allowed = rt.ErrorBudget.Allowed(rt.Stats.Input.Records);
        if (bad <= allowed) return;
        throw new ErrorBudgetExceededException(
            $"step {stepId} rank {rt.Info.Rank}: {bad} of {rt.Stats.Input.Records} records malformed " +
            $"({string.Join(", ", rt.Stats.Input.Malformed.Select(kv => $"{kv.Key} {kv.Value}"))}), over the error budget of {allowed}; " +
            $"quarantined records: {rt.Run.Relative(Path.Combine(rt.Run.KindDir(stepId, OutputKinds.Quarantine), rt.Outputs.Prefix + ".jsonl"))}",
            null);
    }
}
