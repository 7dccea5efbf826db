using Curation.Dedup.Paragraphs;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary><c>&lt;id&gt;.hashes</c> of <c>dedup.paragraph</c>: one task per input group; hashes every segment of every document.</summary>
public sealed class ParagraphHashTaskStep(StepConfig config, ParagraphOptions options, DedupInput input) : IStep
{
    /// <summary>Output kind of the segment hash files.</summary>
    public const string OutputKind = "dedup-segments";

    /// <inheritdoc />
    public string Id => config.Id + ".hashes";

    /// <inheritdoc />
    public string Kind => "dedup.paragraph.hashes";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => config.DependsOn.Union(config.Input?.From ?? []).ToList();

    /// <inheritdoc />
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => input.Plan(Id, context, errors);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var scratch = EngineFiles.Scratch(rt.Outputs, "segments");
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);
        var segments = new ParagraphHashStep(options.Engine()).Run(rt.Info.Rank, input.Read(rt, quarantine, ct).Select(input.ToEngine), scratch);
        EngineFiles.Register(rt.Outputs, OutputKind, scratch);
        rt.Stats.Counters["segments"] = segments;
        quarantine.Complete();
        TaskDocuments.CheckErrorBudget(rt, Id);
        return Task.CompletedTask;
    }
}
