using System.Text.Json;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Writes <c>clusters.jsonl</c>: one line per document of the run (<c>id</c>, <c>cluster</c>, <c>size</c>,
/// <c>kept</c>), singletons included, sorted by id (ordinal) so the file does not depend on the task split.
/// </summary>
internal static class ClustersFileWriter
{
    public static long Write(string path, int[] tasks, Dictionary<uint, DocTable> tables, Dictionary<uint, List<ClusterAssignment>> assignments)
    {
        // The id list is the one O(documents) structure of the step (~60 bytes per document).
        var entries = new List<(string Id, ClusterAssignment? Assignment)>();
        foreach (int task in tasks)
        {
            var byDoc = assignments[(uint)task].ToDictionary(a => a.Doc);
            int doc = 0;
            foreach (string id in tables[(uint)task].Ids())
            {
                entries.Add((id, byDoc.GetValueOrDefault(doc)));
                doc++;
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 1; i < entries.Count; i++)
            if (string.Equals(entries[i].Id, entries[i - 1].Id, StringComparison.Ordinal))
                throw new InvalidDataException($"document id '{entries[i].Id}' occurs in more than one task; ids must be unique across the run");

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream))
        {
            foreach (var (id, a) in entries)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("cluster", a?.Cluster ?? id);
                json.WriteNumber("size", a?.Size ?? 1);
                json.WriteBoolean("kept", a?.Kept ?? true);
                json.WriteEndObject();
                json.Flush();
                stream.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
        return entries.Count;
    }
}
