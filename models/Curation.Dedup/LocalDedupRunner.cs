using System.Diagnostics;
using Curation.Dedup.Index;
using Curation.Dedup.Steps;

namespace Curation.Dedup;

/// <summary>
/// Runs steps 1–3 on this machine over N task inputs (signatures → buckets → clusters, plus the optional
/// index match and append); step 4 is <see cref="Filter"/>. Directories: <c>WORK/signatures</c>,
/// <c>WORK/pairs</c>, <c>WORK/clusters</c> (with <c>clusters.jsonl</c>).
/// </summary>
public static class LocalDedupRunner
{
    /// <summary>Runs the signature, bucket and cluster steps.</summary>
    public static LocalDedupResult Run(IReadOnlyList<Func<IEnumerable<DedupDocument>>> tasks, string workDirectory, LocalDedupOptions options)
    {
        string signatures = SignaturesDirectory(workDirectory), pairs = PairsDirectory(workDirectory), clusters = ClustersDirectory(workDirectory);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Workers) };
        var clock = Stopwatch.StartNew();
        var signatureStep = new SignatureStep(options.Scheme, options.Signature);
        var taskResults = new SignatureTaskResult[tasks.Count];
        Parallel.For(0, tasks.Count, parallel, t => taskResults[t] = signatureStep.Run(t, tasks[t](), signatures));
        TimeSpan signatureTime = clock.Elapsed;

        using DedupIndex? index = options.IndexDirectory is null ? null : DedupIndex.OpenOrCreate(options.IndexDirectory, options.Scheme);
        clock.Restart();
        var bucketStep = new BucketStep(options.Bucket);
        int shards = options.Bucket.Shards;
        var bucketResults = new BucketResult[options.Scheme.Bands * shards];
        // The index's doc tables are opened lazily by the cluster step only, so sharing it across bucket tasks is safe.
        Parallel.For(0, bucketResults.Length, parallel, i => bucketResults[i] = bucketStep.Run(i / shards, i % shards, signatures, pairs, index));
        TimeSpan bucketTime = clock.Elapsed;

        clock.Restart();
        ClusterResult cluster = new ClusterStep(options.Cluster).Run(signatures, pairs, clusters, index);
        TimeSpan clusterTime = clock.Elapsed;
        if (index is not null && options.AppendRunName is not null) index.Append(options.AppendRunName, signatures, clusters);
        return new LocalDedupResult(taskResults, bucketResults, cluster, signatureTime, bucketTime, clusterTime);
    }

    /// <summary>Step 4 for one task: the decisions for its documents (in the order step 1 saw them).</summary>
    public static IEnumerable<FilterDecision> Filter(int taskRank, IEnumerable<DedupDocument> documents, string workDirectory) =>
        new FilterStep().Run(taskRank, documents, ClustersDirectory(workDirectory));

    /// <summary>Step 1 output folder inside a work directory.</summary>
    public static string SignaturesDirectory(string workDirectory) => Path.Combine(workDirectory, "signatures");

    /// <summary>Step 2 output folder inside a work directory.</summary>
    public static string PairsDirectory(string workDirectory) => Path.Combine(workDirectory, "pairs");

    /// <summary>Step 3 output folder inside a work directory.</summary>
    public static string ClustersDirectory(string workDirectory) => Path.Combine(workDirectory, "clusters");
}
