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

    public StepPlan Plan(PlanContext context, ConfigErrors errors)
    {
        var input = config.Input!;
        if (input.From.Count > 0)
        {
            var tasks = 0;
            foreach (var f in input.From)
            {
                if (context.Earlier.TryGetValue(f, out var p)) tasks = Math.Max(tasks, p.Tasks);
                else errors.Add($"steps.{Id}.input.from", $"'{f}' is not an earlier step");
            }
            return new StepPlan(Math.Max(tasks, 1));
        }
        return InputPlanner.PlanFiles(Id, input, formats, errors);
    }

    public async Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var input = config.Input!;
        var files = input.From.Count > 0 ? rt.UpstreamDataFiles(input.From) : rt.InputFiles.Select(f => f.Path).ToList();
        var readOptions = new ReadOptions
        {
            TextKey = input.TextKey,
            IdKey = input.IdKey,
            MaxRecordBytes = input.MaxRecordBytes,
            BaseDirectory = input.From.Count > 0 ? rt.Run.Root : InputPlanner.BaseDirectory(input),
        };
        using var rejects = new RejectFile(rt.Outputs, config.Output.Rejects, rt.Run);
        using var quarantine = new QuarantineFile(rt.Outputs, rt.Run);

        var readProbe = new InstrumentedStream.Probe();
        IAsyncEnumerable<Document> stream = InstrumentedStream.Measure(Read(files, input, readOptions, rt.Stats.Input, quarantine, ct), readProbe, ct);
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

        var bad = rt.Stats.Input.MalformedTotal;
        var allowed = rt.ErrorBudget.Allowed(rt.Stats.Input.Records);
        if (bad > allowed)
        {
            throw new ErrorBudgetExceededException(
                $"step {Id} rank {rt.Info.Rank}: {bad} of {rt.Stats.Input.Records} records malformed " +
                $"({string.Join(", ", rt.Stats.Input.Malformed.Select(kv => $"{kv.Key} {kv.Value}"))}), over the error budget of {allowed}; " +
                $"quarantined records: {rt.Run.Relative(Path.Combine(rt.Run.KindDir(Id, OutputKinds.Quarantine), rt.Outputs.Prefix + ".jsonl"))}",
                quarantine.FirstPath);
        }
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

    private async IAsyncEnumerable<Document> Read(IReadOnlyList<string> files, InputConfig input, ReadOptions options,
        InputStats stats, IQuarantine quarantine, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var f in files)
        {
            var reader = formats.ReaderFor(f, input.From.Count > 0 ? InputFormat.Auto : input.Format);
            foreach (var d in reader.Read(f, options, stats, quarantine, ct))
                yield return d;
        }
        await Task.CompletedTask;
    }
}
