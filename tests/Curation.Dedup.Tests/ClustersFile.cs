using System.Text.Json;

namespace Curation.Dedup.Tests;

/// <summary>Reads clusters.jsonl for assertions.</summary>
internal static class ClustersFile
{
    public sealed record Row(string Id, string Cluster, int Size, bool Kept);

    public static Dictionary<string, Row> Read(string path) =>
        File.ReadLines(path).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            return new Row(r.GetProperty("id").GetString()!, r.GetProperty("cluster").GetString()!, r.GetProperty("size").GetInt32(), r.GetProperty("kept").GetBoolean());
        }).ToDictionary(r => r.Id, StringComparer.Ordinal);
}
