using System.Text.Json;
using Curation.Dedup;
using Curation.Testing;

namespace Curation.Dedup.Tests;

/// <summary>The near-duplicate set in tests/fixtures/dedup/neardup (see its README).</summary>
internal static class NearDupFixture
{
    public sealed record Pair(string A, string B, string Variant, double JaccardW5, bool IsNearDup);

    private static readonly Lazy<List<DedupDocument>> DocsLazy = new(() =>
        File.ReadLines(RepoPaths.Fixture("dedup", "neardup", "neardup.jsonl")).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return new DedupDocument(doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("text").GetString()!);
        }).ToList());

    private static readonly Lazy<List<Pair>> PairsLazy = new(() =>
        File.ReadLines(RepoPaths.Fixture("dedup", "neardup", "neardup_pairs.jsonl")).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new Pair(r.GetProperty("a").GetString()!, r.GetProperty("b").GetString()!, r.GetProperty("variant").GetString()!,
                r.GetProperty("jaccard_w5").GetDouble(), r.GetProperty("is_near_dup").GetBoolean());
        }).ToList());

    private static readonly Lazy<Dictionary<string, string>> ClustersLazy = new(() =>
        File.ReadLines(RepoPaths.Fixture("dedup", "neardup", "neardup.jsonl")).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return (r.GetProperty("id").GetString()!, r.GetProperty("meta").GetProperty("cluster").GetString()!);
        }).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal));

    public static IReadOnlyList<DedupDocument> Documents => DocsLazy.Value;

    public static IReadOnlyList<Pair> Pairs => PairsLazy.Value;

    /// <summary>Ground-truth cluster of each document (connected components over all true edges).</summary>
    public static IReadOnlyDictionary<string, string> TrueClusters => ClustersLazy.Value;

    /// <summary>Splits documents into <paramref name="tasks"/> inputs round-robin (or contiguously), like a reader's file assignment.</summary>
    public static List<Func<IEnumerable<DedupDocument>>> Split(IReadOnlyList<DedupDocument> docs, int tasks, bool contiguous = false)
    {
        var result = new List<Func<IEnumerable<DedupDocument>>>();
        int per = (docs.Count + tasks - 1) / tasks;
        for (int t = 0; t < tasks; t++)
        {
            int rank = t;
            var slice = contiguous ? docs.Skip(rank * per).Take(per).ToList() : docs.Where((_, i) => i % tasks == rank).ToList();
            result.Add(() => slice);
        }
        return result;
    }
}
