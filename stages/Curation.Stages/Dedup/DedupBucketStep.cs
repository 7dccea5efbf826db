using Curation.Dedup.Steps;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary><c>&lt;id&gt;.buckets</c>: bands × shards tasks; each finds the candidate pairs of one band's hash shard (and index matches).</summary>
public sealed class DedupBucketStep(StepConfig config, DedupOptions options, DedupMode mode) : IStep
{
    /// <summary>Output kind of the pair files.</summary>
    public const string OutputKind = "dedup-pairs";

    /// <inheritdoc />
    public string Id => config.Id + ".buckets";

    /// <inheritdoc />
    public string Kind => DedupModule.KindName(mode) + ".buckets";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => [config.Id + ".signatures"];

    /// <inheritdoc />
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(options.Scheme(mode).Bands * options.BucketShards);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var scheme = options.Scheme(mode);
        var band = rt.Info.Rank / options.BucketShards;
        var shard = rt.Info.Rank % options.BucketShards;
        var signatures = EngineFiles.View(rt, config.Id + ".signatures", DedupSignatureStep.OutputKind, "signatures");
        var scratch = EngineFiles.Scratch(rt.Outputs, "pairs");
        using var index = DedupIndexAccess.OpenForMatching(options, scheme, rt, allowSelf: false);
        var result = new BucketStep(new BucketStepOptions { Shards = options.BucketShards }).Run(band, shard, signatures, scratch, index);
        EngineFiles.Register(rt.Outputs, OutputKind, scratch);
        rt.Stats.Counters["pairs"] = result.Pairs;
        rt.Stats.Counters["buckets"] = result.Buckets;
        rt.Stats.Counters["index_matches"] = result.IndexMatches;
        return Task.CompletedTask;
    }
}
