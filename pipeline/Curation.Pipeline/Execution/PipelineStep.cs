using System.Runtime.CompilerServices;
using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Execution;

/// <summary>
/// The default step: read this rank's files (or upstream outputs) → run the stage chain → write kept documents,
/// with rejects and quarantine beside them. One task per input file group.
/// </summary>
public sealed class PipelineStep(StepConfig config, IReadOnlyList<IStage> stages, FormatRegistry formats) : IStep
{
    public string Id => config.Id;

    public string Kind => "pipeline";

    public IReadOnlyList<string> DependsOn => config.DependsOn.Union(config.Input?.From ?? []).ToList();

    public IReadOnlyList<IStage> Stages => stages;

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => TaskDocuments.Plan(Id, Id, config.Input!, context, formats, errors);

    public async Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        using var rejects = new RejectFile(rt.Outputs, config.Output.Rejects, rt.Run);
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);

        var readProbe = new InstrumentedStream.Probe();
        IAsyncEnumerable<Document> stream = InstrumentedStream.Measure(ReadAsync(rt, quarantine, ct), readProbe, ct);
        var probes = new List<(StageStats Stats, InstrumentedStream.Probe Up, InstrumentedStream.Probe Own)>();
        var upstream = readProbe;
        foreach (var stage in stages)
        {
            var stats = rt.Stats.Stage(stage.Id);
            var ctx = new StageContext(rt.Info, stage.Id, stats, rejects, rt.Log);
            var own = new InstrumentedStream.Probe();
            stream = InstrumentedStream.Measure(stage.RunAsync(stream, ctx, ct), own, ct);
            probes.Add((stats, upstream, own));
            upstream = own;
        }

        var (ext, factory) = formats.WriterFor(config.Output.Format);
        using var writer = factory(part => rt.Outputs.PathFor(OutputKinds.Data,
            rt.Outputs.Prefix + (part == 0 ? "" : "-" + part.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)) + ext),
            config.Output.MaxFileBytes, config.Output.Level);
        long n = 0;
        await foreach (var doc in stream.WithCancellation(ct))
        {
            writer.Write(doc);
            CountGroups(rt.Stats, doc);
            if ((++n & 1023) == 0) rt.ReportProgress(n);
        }
        rt.ReportProgress(n);
        foreach (var f in writer.Complete())
        {
            rt.Outputs.Add(OutputKinds.Data, f);
            rt.Stats.DocsWritten += f.Records;
            rt.Stats.BytesWritten += f.Bytes;
        }
        foreach (var (stats, up, own) in probes) InstrumentedStream.Fold(stats, up, own);
        rejects.Complete();
        quarantine.Complete();

        TaskDocuments.CheckErrorBudget(rt, Id);
    }

    // Per-domain and per-language totals of what was written, for the report's breakdowns.
    private static void CountGroups(TaskStats stats, Document doc)
    {
        foreach (var key in GroupKeys)
        {
            if (doc.Metadata.GetString(key) is not { } v) continue;
            var bytes = System.Text.Encoding.UTF8.GetByteCount(doc.Text);
            stats.Counters[$"{key}.{v}.docs"] = stats.Counters.GetValueOrDefault($"{key}.{v}.docs") + 1;
            stats.Counters[$"{key}.{v}.bytes"] = stats.Counters.GetValueOrDefault($"{key}.{v}.bytes") + bytes;
        }
    }

    private static readonly string[] GroupKeys = ["domain", "language", "lang"];

    private async IAsyncEnumerable<Document> ReadAsync(TaskRuntime rt, IQuarantine quarantine, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var d in TaskDocuments.Read(rt, config.Input!, formats, quarantine, ct))
            yield return d;
        await Task.CompletedTask;
    }
}
