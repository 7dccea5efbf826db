using Curation.Dedup.Index;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary>
/// <c>&lt;id&gt;.clusters</c>: one task; joins the pairs into clusters, picks the kept member of each, writes the
/// per-task remove lists and <c>clusters.jsonl</c> (id, cluster, size, kept), and appends the run to the persistent
/// index. The append happens here, before the task commits, and is skipped when the index already holds this run,
/// so a task killed after appending and rerun on resume leaves the index as a single append would.
/// </summary>
public sealed class DedupClusterStep(StepConfig config, DedupOptions options, DedupMode mode) : IStep
{
    /// <summary>Output kind of the engine's cluster files (remove lists, assignments).</summary>
    public const string OutputKind = "dedup-clusters";

    /// <summary>Output kind of the final <c>clusters.jsonl</c>.</summary>
    public const string ClustersKind = "clusters";

    /// <inheritdoc />
    public string Id => config.Id + ".clusters";

    /// <inheritdoc />
    public string Kind => DedupModule.KindName(mode) + ".clusters";

    /// <inheritdoc />
    public IReadOnlyList<string> DependsOn => [config.Id + ".signatures", config.Id + ".buckets"];

    /// <inheritdoc />
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(1);

    /// <inheritdoc />
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var scheme = options.Scheme(mode);
        var signatures = EngineFiles.View(rt, config.Id + ".signatures", DedupSignatureStep.OutputKind, "signatures");
        var pairs = EngineFiles.View(rt, config.Id + ".buckets", DedupBucketStep.OutputKind, "pairs");
        var scratch = EngineFiles.Scratch(rt.Outputs, "clusters");
        ClusterResult result;
        using (var index = DedupIndexAccess.OpenForMatching(options, scheme, rt, allowSelf: true))
            result = new ClusterStep(new ClusterStepOptions { VerifyThreshold = options.VerifyThreshold }).Run(signatures, pairs, scratch, index);

        if (options.IndexDir is { } dir && options.AppendToIndex)
        {
            using var index = DedupIndex.OpenOrCreate(dir, scheme);
            if (!index.Manifest.Runs.Contains(DedupIndexAccess.RunName(rt), StringComparer.Ordinal))
                index.Append(DedupIndexAccess.RunName(rt), signatures, scratch);
            else rt.Log.WriteLine($"dedup index {dir} already holds this run; not appending again");
        }

        var clusters = rt.Outputs.PathFor(ClustersKind, rt.Outputs.Prefix + ".clusters.jsonl");
        File.Move(StepPaths.Clusters(scratch), clusters);
        var summary = ClusterSummary.Read(clusters);
        rt.Outputs.Add(ClustersKind, clusters, summary.Documents);
        EngineFiles.Register(rt.Outputs, OutputKind, scratch);
        rt.Stats.Counters["documents"] = result.Documents;
        rt.Stats.Counters["pairs"] = result.Pairs;
        rt.Stats.Counters["clusters"] = result.Clusters;
        rt.Stats.Counters["removed"] = result.Removed;
        DedupCharts.Write(rt.Run, config.Id, DedupModule.KindName(mode), summary);
        return Task.CompletedTask;
    }
}
