using System.Text.Json;

namespace Curation.Stages.Dedup;

/// <summary>What <c>clusters.jsonl</c> says in aggregate: documents, removals, the size distribution and the largest clusters.</summary>
public sealed record ClusterSummary(long Documents, long Removed, SortedDictionary<int, long> ClustersBySize, List<(string Cluster, int Size, List<string> SampleIds)> Largest)
{
    private const int LargestCount = 10;
    private const int SampleIds = 5;

    /// <summary>Reads a <c>clusters.jsonl</c> (one line per document: id, cluster, size, kept).</summary>
    public static ClusterSummary Read(string path)
    {
        long documents = 0, removed = 0;
        var bySize = new SortedDictionary<int, long>();
        var members = new Dictionary<string, (int Size, List<string> Ids)>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Length == 0) continue;
            string id, cluster;
            int size;
            bool kept;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                id = root.GetProperty("id").GetString()!;
                cluster = root.GetProperty("cluster").GetString()!;
                size = root.GetProperty("size").GetInt32();
                kept = root.GetProperty("kept").GetBoolean();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}: line {line}: not a clusters.jsonl record: {e.Message}", e);
            }
            documents++;
            if (!kept) removed++;
            if (size <= 1) { bySize[1] = bySize.GetValueOrDefault(1) + 1; continue; }
            if (!members.TryGetValue(cluster, out var m)) members[cluster] = m = (size, []);
            if (m.Ids.Count < SampleIds) m.Ids.Add(id);
        }
        foreach (var (_, m) in members) bySize[m.Size] = bySize.GetValueOrDefault(m.Size) + 1;
        var largest = members.OrderByDescending(kv => kv.Value.Size).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(LargestCount).Select(kv => (kv.Key, kv.Value.Size, kv.Value.Ids)).ToList();
        return new ClusterSummary(documents, removed, bySize, largest);
    }
}
