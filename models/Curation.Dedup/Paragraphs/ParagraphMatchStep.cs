using Curation.Dedup.Storage;

namespace Curation.Dedup.Paragraphs;

/// <summary>
/// Paragraph dedup pass 2 (one call per hash shard): merges every task's sorted segment file and, for each
/// segment hash seen more than once, keeps the first occurrence (smallest document id by ordinal order,
/// then earliest segment) and lists every other occurrence for removal, per task.
/// </summary>
public sealed class ParagraphMatchStep(long memoryBudgetBytes = 256L << 20)
{
    /// <summary>Removal list of one task written by one shard.</summary>
    public static string RemovalPath(string dir, int shard, int task) => Path.Combine(dir, $"{shard:D3}", $"{task:D5}.bin");

    /// <summary>Matches shard <paramref name="shard"/> of <paramref name="shards"/>; returns the number of segments marked for removal.</summary>
    public long Run(int shard, int shards, string hashDirectory, string outputDirectory)
    {
        if (shards < 1 || (uint)shard >= (uint)shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in 0..{shards - 1}");
        int[] tasks = StepPaths.CompletedTasks(hashDirectory);
        if (tasks.Length == 0) throw new InvalidDataException($"{hashDirectory}: no completed paragraph-hash tasks");
        var tables = tasks.ToDictionary(t => (uint)t, t => DocTable.Open(StepPaths.Docs(hashDirectory, t)));
        var readers = new List<RecordReader<SegmentRecord>>();
        string spill = Path.Combine(outputDirectory, "tmp", $"{shard:D3}");
        using var sorter = new ExternalSorter<SegmentRef>(spill, memoryBudgetBytes);
        try
        {
            foreach (int t in tasks) readers.Add(new RecordReader<SegmentRecord>(ParagraphHashStep.SegmentsPath(hashDirectory, t)));
            var group = new List<SegmentRecord>();
            foreach (var record in SortedMerge.Merge(readers))
            {
                // Shard by hash modulo: segment files are small enough that each shard streams them all.
                if ((int)(record.Hash % (ulong)shards) != shard) continue;
                if (group.Count > 0 && group[0].Hash != record.Hash)
                {
                    MarkRepeats(group, tables, sorter);
                    group.Clear();
                }
                group.Add(record);
            }
            MarkRepeats(group, tables, sorter);

            string merged = Path.Combine(outputDirectory, "tmp", $"{shard:D3}.all");
            long total = sorter.Complete(merged);
            WritePerTask(merged, tasks, shard, outputDirectory);
            File.Delete(merged);
            return total;
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
            foreach (var t in tables.Values) t.Dispose();
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }

    private static void MarkRepeats(List<SegmentRecord> group, Dictionary<uint, DocTable> tables, ExternalSorter<SegmentRef> sorter)
    {
        if (group.Count < 2) return;
        int first = 0;
        string firstId = tables[group[0].Task].Id((int)group[0].Doc);
        for (int i = 1; i < group.Count; i++)
        {
            var r = group[i];
            string id = r.Task == group[first].Task && r.Doc == group[first].Doc ? firstId : tables[r.Task].Id((int)r.Doc);
            int c = string.CompareOrdinal(id, firstId);
            if (c < 0 || (c == 0 && r.Segment < group[first].Segment)) { first = i; firstId = id; }
        }
        for (int i = 0; i < group.Count; i++)
            if (i != first) sorter.Add(new SegmentRef(group[i].Task, group[i].Doc, group[i].Segment));
    }

    private static void WritePerTask(string merged, int[] tasks, int shard, string outputDirectory)
    {
        var writers = new Dictionary<uint, RecordWriter<SegmentRef>>();
        try
        {
            foreach (int t in tasks) writers[(uint)t] = new RecordWriter<SegmentRef>(RemovalPath(outputDirectory, shard, t));
            using var reader = new RecordReader<SegmentRef>(merged);
            while (reader.TryRead(out var r)) writers[r.Task].Add(r);
            foreach (var w in writers.Values) w.Complete();
        }
        finally
        {
            foreach (var w in writers.Values) w.Dispose();
        }
    }
}
