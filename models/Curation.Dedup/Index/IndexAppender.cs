using Curation.Dedup.Storage;

namespace Curation.Dedup.Index;

/// <summary>Copies a finished run into a <see cref="DedupIndex"/>: tasks are concatenated in rank order into run-wide ordinals.</summary>
internal static class IndexAppender
{
    public static int Append(DedupIndex index, string runName, string signaturesDirectory, string clustersDirectory)
    {
        int[] tasks = StepPaths.CompletedTasks(signaturesDirectory);
        if (tasks.Length == 0) throw new InvalidDataException($"{signaturesDirectory}: no completed signature tasks to index");
        var manifests = tasks.Select(t => TaskManifest.Read(StepPaths.TaskManifest(signaturesDirectory, t))).ToArray();
        foreach (var m in manifests)
            if (m.Scheme != index.Manifest.Scheme)
                throw new InvalidDataException($"{StepPaths.TaskManifest(signaturesDirectory, m.Rank)}: scheme '{m.Scheme}' differs from the index's '{index.Manifest.Scheme}'");

        int run = index.RunCount;
        string folder = index.RunFolder(run);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); // leftovers of an interrupted append
        Directory.CreateDirectory(folder);

        var offsets = new Dictionary<uint, uint>();
        long total = 0;
        foreach (var m in manifests)
        {
            offsets[(uint)m.Rank] = (uint)total;
            total += m.Documents;
        }
        if (total >= int.MaxValue) throw new InvalidOperationException("an index run holds at most 2^31 − 1 documents; append in smaller runs");

        uint mark = DedupIndex.IndexTaskMark | (uint)run;
        ulong IndexKey(int task, int doc) => ((ulong)mark << 32) | (offsets[(uint)task] + (uint)doc);
        var assignments = tasks.ToDictionary(t => t, t => ClusterAssignment.ReadAll(StepPaths.Assignments(clustersDirectory, t)));
        var keptByCluster = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var (task, byDoc) in assignments)
            foreach (var a in byDoc.Values.Where(a => a.Kept)) keptByCluster[a.Cluster] = IndexKey(task, a.Doc);

        using (var docs = new DocTableWriter(Path.Combine(folder, "docs")))
        using (var clusters = new DocTableWriter(Path.Combine(folder, "clusters")))
        using (var representatives = new RecordWriter<ulong>(Path.Combine(folder, "representatives.bin")))
        {
            foreach (int task in tasks)
            {
                using var table = DocTable.Open(StepPaths.Docs(signaturesDirectory, task));
                int i = 0;
                foreach (string id in table.Ids())
                {
                    docs.Add(id, table.Priority(i), table.Flags(i));
                    assignments[task].TryGetValue(i, out var a);
                    clusters.Add(a?.Cluster ?? id, 0);
                    representatives.Add(a is null ? IndexKey(task, i)
                        : a.IndexRepresentative ?? (keptByCluster.TryGetValue(a.Cluster, out ulong k) ? k
                            : throw new InvalidDataException($"{StepPaths.Assignments(clustersDirectory, task)}: cluster '{a.Cluster}' has no kept member")));
                    i++;
                }
            }
            docs.Complete();
            clusters.Complete();
            representatives.Complete();
        }

        if (tasks.All(t => File.Exists(StepPaths.Signatures(signaturesDirectory, t))))
        {
            using var writer = new RecordWriter<ulong>(Path.Combine(folder, "signatures.bin"));
            foreach (int task in tasks)
            {
                using var reader = new RecordReader<ulong>(StepPaths.Signatures(signaturesDirectory, task), 1 << 14);
                while (reader.TryRead(out ulong v)) writer.Add(v);
            }
            writer.Complete();
        }

        for (int band = 0; band < index.Manifest.Bands; band++)
        {
            var readers = tasks.Select(t => new RecordReader<BandRecord>(StepPaths.Band(signaturesDirectory, band, t))).ToList();
            try
            {
                using var writer = new RecordWriter<BandRecord>(index.BandPath(run, band));
                // Renumbering (task, doc) to run-wide ordinals keeps the order, so the merged file stays sorted.
                foreach (var r in SortedMerge.Merge(readers)) writer.Add(new BandRecord(r.Hash, mark, offsets[r.Task] + r.Doc));
                writer.Complete();
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
            }
        }
        index.AddRun(runName);
        return run;
    }
}
