using System.Text.Json;
using Curation.Dedup;
using Curation.Dedup.MinHash;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;

namespace DedupBench;

/// <summary>Detection rate per true word-5-gram Jaccard bin on make_neardup.py's set, plus recall at J ≥ 0.8 and pairwise precision.</summary>
internal static class DetectionCurve
{
    public static void Run(string neardupDir, string work)
    {
        var docs = new List<DedupDocument>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(neardupDir, "neardup.jsonl")))
        {
            using var d = JsonDocument.Parse(line);
            string id = d.RootElement.GetProperty("id").GetString()!;
            docs.Add(new DedupDocument(id, d.RootElement.GetProperty("text").GetString()!));
            truth[id] = d.RootElement.GetProperty("meta").GetProperty("cluster").GetString()!;
        }
        var pairs = File.ReadLines(Path.Combine(neardupDir, "neardup_pairs.jsonl")).Select(line =>
        {
            using var d = JsonDocument.Parse(line);
            var r = d.RootElement;
            return (A: r.GetProperty("a").GetString()!, B: r.GetProperty("b").GetString()!, J: r.GetProperty("jaccard_w5").GetDouble(), Variant: r.GetProperty("variant").GetString()!);
        }).ToList();

        var results = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (name, verify) in new[] { ("no-verify", (double?)null), ("verify-0.7", 0.7) })
        {
            string dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            var options = new LocalDedupOptions(new MinHasher(new MinHashOptions())) { Cluster = new ClusterStepOptions { VerifyThreshold = verify }, Workers = 2 };
            var tasks = Enumerable.Range(0, 4).Select(t => (Func<IEnumerable<DedupDocument>>)(() => docs.Where((_, i) => i % 4 == t))).ToList();
            LocalDedupRunner.Run(tasks, dir, options);
            results[name] = File.ReadLines(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir))).Select(l =>
            {
                using var d = JsonDocument.Parse(l);
                return (d.RootElement.GetProperty("id").GetString()!, d.RootElement.GetProperty("cluster").GetString()!);
            }).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        }

        Console.WriteLine($"near-dup set: {docs.Count} docs, {pairs.Count} pairs; MinHash 14x8, word 5-grams; theory P = 1-(1-J^8)^14 at bin midpoint");
        Console.WriteLine("| true jaccard_w5 | pairs | detected (no verify) | detected (verify 0.7) | theory |");
        Console.WriteLine("|---|---|---|---|---|");
        for (int bin = 0; bin <= 10; bin++)
        {
            double lo = bin / 10.0, hi = bin == 10 ? 1.01 : (bin + 1) / 10.0;
            var inBin = pairs.Where(p => bin == 10 ? p.J >= 1.0 : p.J >= lo && p.J < hi).ToList();
            if (inBin.Count == 0) continue;
            double mid = bin == 10 ? 1.0 : (lo + hi) / 2;
            string label = bin == 10 ? "1.0" : $"[{lo:F1}, {hi:F1})";
            Console.WriteLine($"| {label} | {inBin.Count} | {Rate(inBin, results["no-verify"]):F3} | {Rate(inBin, results["verify-0.7"]):F3} | {LshParameters.CandidateProbability(mid, 14, 8):F3} |");
        }
        foreach (var (name, clusters) in results)
        {
            var high = pairs.Where(p => p.J >= 0.8).ToList();
            long predicted = 0, correct = 0;
            foreach (var g in clusters.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
            {
                var ids = g.Select(kv => kv.Key).ToList();
                for (int i = 0; i < ids.Count; i++)
                    for (int j = i + 1; j < ids.Count; j++) { predicted++; if (truth[ids[i]] == truth[ids[j]]) correct++; }
            }
            Console.WriteLine($"{name}: recall(J>=0.8) {Rate(high, clusters):F4} over {high.Count} pairs; pairwise precision {(double)correct / predicted:F4} over {predicted} predicted pairs");
        }
    }

    private static double Rate(List<(string A, string B, double J, string Variant)> pairs, Dictionary<string, string> clusters) =>
        pairs.Count(p => clusters[p.A] == clusters[p.B]) / (double)pairs.Count;
}
