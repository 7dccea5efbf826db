using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Curation.Dedup;
using Curation.Dedup.MinHash;
using Curation.Dedup.Steps;

namespace DedupBench;

internal static class Modes
{
    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Signature throughput, one thread, documents already in memory (as datatrove's figure is per CPU).</summary>
    public static void Signatures(string corpusDir, int stride)
    {
        var docs = CorpusReader.Files(corpusDir).SelectMany(CorpusReader.Read).Where((_, i) => i % stride == 0).ToList();
        long bytes = docs.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        var hasher = new MinHasher(new MinHashOptions());
        var sig = new ulong[hasher.Options.SignatureLength];
        // Warm-up so tiered JIT reaches the optimised code before timing.
        for (int i = 0; i < Math.Min(2000, docs.Count); i++) hasher.TryCompute(docs[i].Text, sig);
        double cpu0 = CpuSeconds();
        var wall = Stopwatch.StartNew();
        ulong check = 0;
        foreach (var d in docs)
            if (hasher.TryCompute(d.Text, sig)) check ^= sig[0];
        double cpu = CpuSeconds() - cpu0;
        Console.WriteLine($"curation minhash (stride {stride}): {docs.Count} docs, {bytes / 1e6:F1} MB, cpu {cpu:F2} s, wall {wall.Elapsed.TotalSeconds:F2} s, {docs.Count / cpu:F0} docs/CPU-s, {bytes / 1e6 / cpu:F1} MB/CPU-s (check {check:x})");

        // The whole step 1 (signatures + per-band sort + files) on one task, for the cost of the I/O around it.
        string dir = Path.Combine(Path.GetTempPath(), $"dedupbench-sig-{Environment.ProcessId}");
        cpu0 = CpuSeconds();
        wall.Restart();
        var result = new SignatureStep(hasher).Run(0, docs, dir);
        cpu = CpuSeconds() - cpu0;
        Console.WriteLine($"curation signature step: {result.Documents} docs, cpu {cpu:F2} s, wall {wall.Elapsed.TotalSeconds:F2} s, {docs.Count / cpu:F0} docs/CPU-s");
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>All four steps over the corpus files (one task per file) with the given parallelism.</summary>
    public static void EndToEnd(string corpusDir, string work, int workers)
    {
        var files = CorpusReader.Files(corpusDir);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var options = new LocalDedupOptions(new MinHasher(new MinHashOptions()))
        {
            Cluster = new ClusterStepOptions { VerifyThreshold = 0.7 },
            Workers = workers,
        };
        var tasks = files.Select(f => (Func<IEnumerable<DedupDocument>>)(() => CorpusReader.Read(f))).ToList();
        var total = Stopwatch.StartNew();
        var result = LocalDedupRunner.Run(tasks, work, options);
        var filterClock = Stopwatch.StartNew();
        long kept = 0, dropped = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, t =>
        {
            string output = Path.Combine(work, "output", $"{t:D5}.jsonl");
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            using var writer = new StreamWriter(output);
            long k = 0, d = 0;
            foreach (var decision in LocalDedupRunner.Filter(t, CorpusReader.Read(files[t]), work))
            {
                if (!decision.Keep) { d++; continue; }
                k++;
                writer.WriteLine(JsonSerializer.Serialize(new { id = decision.Document.Id, text = decision.Document.Text, cluster = decision.Cluster, cluster_size = decision.ClusterSize }));
            }
            Interlocked.Add(ref kept, k);
            Interlocked.Add(ref dropped, d);
        });
        Console.WriteLine($"e2e: {files.Count} tasks, {workers} workers, {result.Cluster.Documents} docs, {result.Cluster.Pairs} pairs, {result.Cluster.Clusters} clusters, {result.Cluster.Removed} removed");
        Console.WriteLine($"e2e: signatures {result.SignatureTime.TotalSeconds:F2} s, buckets {result.BucketTime.TotalSeconds:F2} s, clusters {result.ClusterTime.TotalSeconds:F2} s, filter {filterClock.Elapsed.TotalSeconds:F2} s, total {total.Elapsed.TotalSeconds:F2} s wall; kept {kept}, dropped {dropped}; process CPU {CpuSeconds():F1} s");
    }

    /// <summary>N synthetic documents (10% near copies) through steps 1–4 with a 16 MB sort budget per task; RSS measured by the caller.</summary>
    public static void Synthetic(long n, string work)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        const int taskCount = 16;
        var options = new LocalDedupOptions(new MinHasher(new MinHashOptions()))
        {
            Signature = new SignatureStepOptions { MemoryBudgetBytes = 16L << 20 },
            Cluster = new ClusterStepOptions { VerifyThreshold = 0.7 },
            Workers = 2,
        };
        var tasks = Enumerable.Range(0, taskCount).Select(t => (Func<IEnumerable<DedupDocument>>)(() => SyntheticDocs.Task(t, taskCount, n))).ToList();
        var clock = Stopwatch.StartNew();
        var result = LocalDedupRunner.Run(tasks, work, options);
        long kept = 0;
        Parallel.For(0, taskCount, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t =>
        {
            long k = LocalDedupRunner.Filter(t, SyntheticDocs.Task(t, taskCount, n), work).LongCount(d => d.Keep);
            Interlocked.Add(ref kept, k);
        });
        Console.WriteLine($"synthetic: {result.Cluster.Documents} docs, spilled runs {result.Signatures.Sum(s => s.SpilledRuns)}, pairs {result.Cluster.Pairs}, removed {result.Cluster.Removed}, kept {kept}, wall {clock.Elapsed.TotalSeconds:F1} s, CPU {CpuSeconds():F1} s, managed peak {GC.GetTotalMemory(false) / 1e6:F0} MB now");
    }

    /// <summary>Detection rate per true-Jaccard bin on a near-dup set, with and without verification.</summary>
    public static void Curve(string neardupDir, string work) => DetectionCurve.Run(neardupDir, work);
}
