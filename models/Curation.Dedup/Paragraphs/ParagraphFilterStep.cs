using Curation.Dedup.Storage;

namespace Curation.Dedup.Paragraphs;

/// <summary>
/// Paragraph dedup pass 3 (one call per task): re-reads the task's documents in pass-1 order and removes
/// the segments the match step listed.
/// </summary>
public sealed class ParagraphFilterStep(ParagraphDedupOptions? options = null)
{
    private readonly ParagraphDedupOptions _options = options ?? new ParagraphDedupOptions();

    /// <summary>Yields each document of task <paramref name="taskRank"/> with repeated segments removed.</summary>
    public IEnumerable<ParagraphFilterResult> Run(int taskRank, IEnumerable<DedupDocument> documents, string matchDirectory, int shards)
    {
        var removals = new Dictionary<uint, HashSet<int>>();
        for (int shard = 0; shard < shards; shard++)
        {
            string path = ParagraphMatchStep.RemovalPath(matchDirectory, shard, taskRank);
            if (!File.Exists(path)) throw new FileNotFoundException($"{path}: missing; run the paragraph match step for shard {shard}", path);
            foreach (var r in RecordFile.ReadAll<SegmentRef>(path))
            {
                if (r.Task != (uint)taskRank) throw new InvalidDataException($"{path}: record for task {r.Task} in task {taskRank}'s file");
                if (!removals.TryGetValue(r.Doc, out var set)) removals[r.Doc] = set = [];
                set.Add((int)r.Segment);
            }
        }
        uint index = 0;
        foreach (var doc in documents)
        {
            string text = doc.Text ?? string.Empty;
            var segments = TextSegmenter.Split(text, _options.Unit);
            if (removals.TryGetValue(index, out var removed))
            {
                if (removed.Max() >= segments.Count)
                    throw new InvalidDataException($"{matchDirectory}: task {taskRank} document {index} ('{doc.Id}') has {segments.Count} segments but segment {removed.Max()} is listed; the input or options changed since pass 1");
                yield return new ParagraphFilterResult(doc, TextSegmenter.Remove(text, segments, removed), removed.Count, segments.Count);
            }
            else
            {
                yield return new ParagraphFilterResult(doc, text, 0, segments.Count);
            }
            index++;
        }
    }
}
