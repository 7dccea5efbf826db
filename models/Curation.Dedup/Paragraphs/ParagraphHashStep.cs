using Curation.Dedup.Exact;
using Curation.Dedup.Hashing;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Paragraphs;

/// <summary>
/// Paragraph dedup pass 1 (one call per task): hashes every normalised segment of every document into a
/// sorted (hash, task, doc, segment) file and records the task's doc table.
/// </summary>
public sealed class ParagraphHashStep(ParagraphDedupOptions? options = null)
{
    private readonly ParagraphDedupOptions _options = options ?? new ParagraphDedupOptions();

    /// <summary>Sorted segment records of a task.</summary>
    public static string SegmentsPath(string dir, int task) => Path.Combine(dir, "segments", $"{task:D5}.bin");

    /// <summary>Hashes task <paramref name="taskRank"/>'s documents into <paramref name="outputDirectory"/>; returns the segment count.</summary>
    public long Run(int taskRank, IEnumerable<DedupDocument> documents, string outputDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(taskRank);
        var scheme = new ExactTextScheme(_options.Normalization);
        string spill = Path.Combine(outputDirectory, "tmp", $"{taskRank:D5}");
        using var sorter = new ExternalSorter<SegmentRecord>(spill, _options.MemoryBudgetBytes);
        using var docs = new DocTableWriter(StepPaths.Docs(outputDirectory, taskRank));
        int docIndex = 0;
        foreach (var doc in documents)
        {
            docs.Add(doc.Id, doc.Priority);
            string text = doc.Text ?? string.Empty;
            var segments = TextSegmenter.Split(text, _options.Unit);
            for (int s = 0; s < segments.Count; s++)
            {
                string normalized = scheme.Normalize(text.Substring(segments[s].Start, segments[s].Length));
                if (normalized.Length < Math.Max(1, _options.MinLength)) continue;
                sorter.Add(new SegmentRecord(XxHash64.HashUtf8(normalized), (uint)taskRank, (uint)docIndex, (uint)s));
            }
            docIndex++;
        }
        long count = sorter.Complete(SegmentsPath(outputDirectory, taskRank));
        docs.Complete();
        new TaskManifest(taskRank, docIndex, docIndex, "paragraph/v1 " + _options.Unit + " " + _options.Normalization, 1, 1)
            .Write(StepPaths.TaskManifest(outputDirectory, taskRank));
        if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        return count;
    }
}
