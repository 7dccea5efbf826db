using Curation.Dedup.Paragraphs;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary><c>&lt;id&gt;.matches</c> of <c>dedup.paragraph</c>: one task per hash shard; lists every repeat after the first occurrence.</summary>
public sealed class ParagraphMatchTaskStep(StepConfig config, ParagraphOptions options) : IStep
{
    /// <summary>Output kind of the per-task removal lists.</summary>
    public const string OutputKind = "dedup-removals";

    /// <inheritdoc />
    public string Id => config.Id + ".matches";

    /// <inheritdoc />
    public string Kind => "dedup.paragraph.matches";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => [config.Id + ".hashes"];

    /// <inheritdoc />
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(options.Shards);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var hashes = EngineFiles.View(rt, config.Id + ".hashes", ParagraphHashTaskStep.OutputKind, "segments");
        var scratch = EngineFiles.Scratch(rt.Outputs, "removals");
        rt.Stats.Counters["removed_segments"] = new ParagraphMatchStep(options.MemoryBudget).Run(rt.Info.Rank, options.Shards, hashes, scratch);
        EngineFiles.Register(rt.Outputs, OutputKind, scratch);
        return Task.CompletedTask;
    }
}
