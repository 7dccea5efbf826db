using Curation.Dedup.Index;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Step 2 (one call per band × shard): k-way merges every task's sorted band file (and the index's runs)
/// and, for each group of equal band hashes, emits candidate pairs linking every member to one anchor:
/// an indexed document when the group has one, otherwise the group's first new document.
/// </summary>
/// <remarks>Memory is one read buffer per input file plus the largest bucket; pairs between two indexed documents are never emitted.</remarks>
public sealed class BucketStep
{
    private readonly BucketStepOptions _options;

    /// <summary>Creates the step.</summary>
    public BucketStep(BucketStepOptions? options = null)
    {
        _options = options ?? new BucketStepOptions();
        if (_options.Shards < 1) throw new ArgumentOutOfRangeException(nameof(options), "shards must be ≥ 1");
    }

    /// <summary>Matches band <paramref name="band"/>, shard <paramref name="shard"/> and writes its pairs into <paramref name="pairsDirectory"/>.</summary>
    public BucketResult Run(int band, int shard, string signaturesDirectory, string pairsDirectory, DedupIndex? index = null)
    {
        if ((uint)shard >= (uint)_options.Shards) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in 0..{_options.Shards - 1}");
        int[] tasks = StepPaths.CompletedTasks(signaturesDirectory);
        if (tasks.Length == 0) throw new InvalidDataException($"{signaturesDirectory}: no completed signature tasks");
        var first = TaskManifest.Read(StepPaths.TaskManifest(signaturesDirectory, tasks[0]));
        if ((uint)band >= (uint)first.Bands) throw new ArgumentOutOfRangeException(nameof(band), band, $"band must be in 0..{first.Bands - 1}");
        foreach (int t in tasks)
        {
            var m = TaskManifest.Read(StepPaths.TaskManifest(signaturesDirectory, t));
            if (m.Scheme != first.Scheme) throw new InvalidDataException($"{StepPaths.TaskManifest(signaturesDirectory, t)}: scheme '{m.Scheme}' differs from task {tasks[0]}'s '{first.Scheme}'");
        }
        if (index is not null && index.Manifest.Scheme != first.Scheme)
            throw new InvalidDataException($"{index.Directory}: index scheme '{index.Manifest.Scheme}' differs from this run's '{first.Scheme}'");

        (ulong low, ulong high, bool toEnd) = Range(shard, _options.Shards);
        var paths = tasks.Select(t => StepPaths.Band(signaturesDirectory, band, t)).ToList();
        if (index is not null) paths.AddRange(Enumerable.Range(0, index.RunCount).Select(r => index.BandPath(r, band)));
        var readers = new List<RecordReader<BandRecord>>(paths.Count);
        long pairs = 0, buckets = 0, indexMatches = 0;
        try
        {
            foreach (string path in paths)
            {
                var reader = new RecordReader<BandRecord>(path);
                readers.Add(reader);
                reader.Seek(LowerBound(reader, low));
            }
            using var writer = new RecordWriter<PairRecord>(StepPaths.Pairs(pairsDirectory, band, shard));
            var group = new List<BandRecord>();
            foreach (BandRecord record in SortedMerge.Merge(readers))
            {
                if (!toEnd && record.Hash >= high) break;
                if (group.Count > 0 && group[0].Hash != record.Hash)
                {
                    Emit(group, writer, ref buckets, ref indexMatches);
                    group.Clear();
                }
                group.Add(record);
            }
            Emit(group, writer, ref buckets, ref indexMatches);
            pairs = writer.Count;
            writer.Complete();
        }
        finally
        {
            foreach (var r in readers) r.Dispose();
        }
        return new BucketResult(pairs, buckets, indexMatches);
    }

    private static void Emit(List<BandRecord> group, RecordWriter<PairRecord> writer, ref long buckets, ref long indexMatches)
    {
        if (group.Count < 2) return;
        // Index records sort after task records (their task number carries the high bit), so the first indexed member is found by a scan.
        int anchorAt = group.FindIndex(r => r.Task >= DedupIndex.IndexTaskMark);
        bool anchorIndexed = anchorAt >= 0;
        if (!anchorIndexed) anchorAt = 0;
        BandRecord anchor = group[anchorAt];
        bool any = false;
        for (int i = 0; i < group.Count; i++)
        {
            if (i == anchorAt) continue;
            BandRecord member = group[i];
            if (member.Task >= DedupIndex.IndexTaskMark) continue;
            writer.Add(new PairRecord(anchor.Task, anchor.Doc, member.Task, member.Doc));
            if (anchorIndexed) indexMatches++;
            any = true;
        }
        if (any) buckets++;
    }

    private static (ulong Low, ulong High, bool ToEnd) Range(int shard, int shards)
    {
        UInt128 span = (UInt128.One << 64) / (UInt128)shards;
        ulong low = (ulong)(span * (UInt128)shard);
        bool last = shard == shards - 1;
        ulong high = last ? ulong.MaxValue : (ulong)(span * (UInt128)(shard + 1));
        return (low, high, last);
    }

    private static long LowerBound(RecordReader<BandRecord> reader, ulong hash)
    {
        if (hash == 0) return 0;
        long lo = 0, hi = reader.Count;
        while (lo < hi)
        {
            long mid = lo + (hi - lo) / 2;
            if (reader.ReadAt(mid).Hash < hash) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
