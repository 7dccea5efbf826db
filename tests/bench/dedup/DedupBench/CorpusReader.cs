using System.Text.Json;
using Curation.Dedup;

namespace DedupBench;

/// <summary>Reads corpus JSONL files (id, text) as dedup documents.</summary>
internal static class CorpusReader
{
    public static IEnumerable<DedupDocument> Read(string path)
    {
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            yield return new DedupDocument(doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("text").GetString()!);
        }
    }

    /// <summary>All train and val files of a corpus directory, in a fixed order.</summary>
    public static List<string> Files(string corpusDir) =>
        Directory.EnumerateFiles(corpusDir, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
}
