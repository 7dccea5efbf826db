using Curation.Dedup;
using Curation.Dedup.Steps;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary><c>&lt;id&gt;.signatures</c>: one task per input group; signs every document and writes sorted band files.</summary>
public sealed class DedupSignatureStep(StepConfig config, DedupOptions options, DedupMode mode, DedupInput input) : IStep
{
    /// <summary>Output kind of the engine's signature-step files (doc tables, band files, signatures).</summary>
    public const string OutputKind = "dedup-signatures";

    /// <inheritdoc />
    public string Id => config.Id + ".signatures";

    /// <inheritdoc />
    public string Kind => DedupModule.KindName(mode) + ".signatures";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => config.DependsOn.Union(config.Input?.From ?? []).ToList();

    /// <inheritdoc />
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => input.Plan(Id, context, errors);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var scratch = EngineFiles.Scratch(rt.Outputs, "signatures");
        var step = new SignatureStep(options.Scheme(mode), new SignatureStepOptions { MemoryBudgetBytes = options.MemoryBudget });
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);
        long n = 0;
        var docs = input.Read(rt, quarantine, ct).Select(d =>
        {
            if ((++n & 1023) == 0) rt.ReportProgress(n);
            return input.ToEngine(d);
        });
        var result = step.Run(rt.Info.Rank, docs, scratch);
        rt.ReportProgress(n);
        EngineFiles.Register(rt.Outputs, OutputKind, scratch);
        rt.Stats.Counters["documents"] = result.Documents;
        rt.Stats.Counters["signed"] = result.Signed;
        rt.Stats.Counters["spilled_runs"] = result.SpilledRuns;
        quarantine.Complete();
        TaskDocuments.CheckErrorBudget(rt, Id);
        return Task.CompletedTask;
    }
}
