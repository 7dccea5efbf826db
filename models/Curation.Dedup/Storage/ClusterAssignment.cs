using System.Text;
using System.Text.Json;

namespace Curation.Dedup.Storage;

/// <summary>
/// A duplicated document's place in its cluster: index within its task, id, cluster id, cluster size, whether
/// it is the kept member, and, when the representative is a document of the persistent index, its index key.
/// </summary>
public sealed record ClusterAssignment(int Doc, string Id, string Cluster, int Size, bool Kept, ulong? IndexRepresentative = null)
{
    /// <summary>Writes assignments as JSON lines (<c>doc</c>, <c>id</c>, <c>cluster</c>, <c>size</c>, <c>kept</c>).</summary>
    public static void WriteAll(string path, IEnumerable<ClusterAssignment> assignments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var json = new Utf8JsonWriter(stream))
        {
            foreach (var a in assignments)
            {
                json.WriteStartObject();
                json.WriteNumber("doc", a.Doc);
                json.WriteString("id", a.Id);
                json.WriteString("cluster", a.Cluster);
                json.WriteNumber("size", a.Size);
                json.WriteBoolean("kept", a.Kept);
                if (a.IndexRepresentative is ulong rep) json.WriteNumber("index_rep", rep);
                json.WriteEndObject();
                json.Flush();
                stream.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads an assignments file into a map from document index; a missing file means no duplicates.</summary>
    public static Dictionary<int, ClusterAssignment> ReadAll(string path)
    {
        var result = new Dictionary<int, ClusterAssignment>();
        if (!File.Exists(path)) return result;
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var a = new ClusterAssignment(root.GetProperty("doc").GetInt32(), root.GetProperty("id").GetString()!,
                    root.GetProperty("cluster").GetString()!, root.GetProperty("size").GetInt32(), root.GetProperty("kept").GetBoolean(),
                    root.TryGetProperty("index_rep", out var rep) ? rep.GetUInt64() : null);
                if (!result.TryAdd(a.Doc, a)) throw new InvalidDataException($"{path}:{lineNumber}: document {a.Doc} listed twice");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: invalid assignment line: {e.Message}", e);
            }
        }
        return result;
    }
}
