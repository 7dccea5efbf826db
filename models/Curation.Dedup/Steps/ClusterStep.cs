using Curation.Dedup.Index;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Step 3 (one task): union-find over all candidate pairs, a deterministic representative per cluster
/// (see the keep rule on <see cref="ClusterMember.KeepOrder"/>), optional verification of members against
/// the representative, and the outputs: per-task <c>.remove</c> lists and assignments, and <c>clusters.jsonl</c>.
/// </summary>
public sealed class ClusterStep
{
    private readonly ClusterStepOptions _options;

    /// <summary>Creates the step.</summary>
    public ClusterStep(ClusterStepOptions? options = null)
    {
        _options = options ?? new ClusterStepOptions();
        if (_options.VerifyThreshold is double t && !(t >= 0 && t <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), t, "verify threshold must be in [0, 1]");
        if (_options.MaxVerificationRounds < 1) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxVerificationRounds, "need at least one verification round");
    }

    /// <summary>Clusters the pairs in <paramref name="pairsDirectory"/> and writes into <paramref name="outputDirectory"/>.</summary>
    public ClusterResult Run(string signaturesDirectory, string pairsDirectory, string outputDirectory, DedupIndex? index = null)
    {
        int[] tasks = StepPaths.CompletedTasks(signaturesDirectory);
        if (tasks.Length == 0) throw new InvalidDataException($"{signaturesDirectory}: no completed signature tasks");
        var manifests = tasks.ToDictionary(t => t, t => TaskManifest.Read(StepPaths.TaskManifest(signaturesDirectory, t)));
        int signatureLength = manifests[tasks[0]].Bands * manifests[tasks[0]].Rows;

        var uf = new UnionFind();
        long pairCount = 0;
        if (Directory.Exists(pairsDirectory))
        {
            foreach (string file in Directory.EnumerateFiles(pairsDirectory, "*.pairs").Order(StringComparer.Ordinal))
            {
                using var reader = new RecordReader<PairRecord>(file, 1 << 14);
                while (reader.TryRead(out PairRecord p))
                {
                    Check(p.TaskA, p.DocA, file);
                    Check(p.TaskB, p.DocB, file);
                    uf.Union(Canonical(p.TaskA, p.DocA), Canonical(p.TaskB, p.DocB));
                    pairCount++;
                }
            }
        }

        var tables = tasks.ToDictionary(t => (uint)t, t => DocTable.Open(StepPaths.Docs(signaturesDirectory, t)));
        var signatures = new Dictionary<uint, SignatureFile?>();
        var assignments = tasks.ToDictionary(t => (uint)t, _ => new List<ClusterAssignment>());
        int clusters = 0, removed = 0;
        try
        {
            var verifier = new MemberVerifier(_options.VerifyThreshold, _options.MaxVerificationRounds, signatureLength, signaturesDirectory, signatures, index);
            foreach (var component in Components(uf))
            {
                var members = component.Select(key => Resolve(key, tables, index)).ToList();
                members.Sort(ClusterMember.KeepOrder);
                foreach (var sub in verifier.Split(members))
                {
                    if (sub.Count < 2) continue;
                    ClusterMember rep = sub[0];
                    string clusterId = rep.Indexed ? index!.ClusterId((int)(rep.Task & ~DedupIndex.IndexTaskMark), (int)rep.Doc) : rep.Id;
                    ulong? indexRep = rep.Indexed ? Key(rep.Task, rep.Doc) : null;
                    clusters++;
                    foreach (var m in sub)
                    {
                        if (m.Indexed) continue;
                        bool kept = m.Equals(rep);
                        if (!kept) removed++;
                        assignments[m.Task].Add(new ClusterAssignment((int)m.Doc, m.Id, clusterId, sub.Count, kept, indexRep));
                    }
                }
            }

            foreach (var (task, list) in assignments)
            {
                list.Sort((a, b) => a.Doc.CompareTo(b.Doc));
                ClusterAssignment.WriteAll(StepPaths.Assignments(outputDirectory, (int)task), list);
                RecordFile.Write(StepPaths.Remove(outputDirectory, (int)task), list.Where(a => !a.Kept).Select(a => (uint)a.Doc));
            }
            long documents = ClustersFileWriter.Write(StepPaths.Clusters(outputDirectory), tasks, tables, assignments);
            return new ClusterResult(documents, pairCount, clusters, removed);
        }
        finally
        {
            foreach (var t in tables.Values) t.Dispose();
            foreach (var s in signatures.Values) s?.Dispose();
        }

        // An indexed document stands for its earlier cluster's kept member, so a new document is judged against
        // the same representative a full rerun would pick, not against whichever old copy it happened to hit.
        ulong Canonical(uint task, uint doc) =>
            task >= DedupIndex.IndexTaskMark ? index!.RepresentativeKey((int)(task & ~DedupIndex.IndexTaskMark), (int)doc) : Key(task, doc);

        void Check(uint task, uint doc, string file)
        {
            if (task >= DedupIndex.IndexTaskMark)
            {
                if (index is null || (task & ~DedupIndex.IndexTaskMark) >= (uint)index.RunCount)
                    throw new InvalidDataException($"{file}: pair refers to index run {task & ~DedupIndex.IndexTaskMark}, which the given index does not have");
                return;
            }
            if (!manifests.TryGetValue((int)task, out var m) || doc >= (uint)m.Documents)
                throw new InvalidDataException($"{file}: pair refers to task {task} document {doc}, which {signaturesDirectory} does not have");
        }
    }

    private static ulong Key(uint task, uint doc) => ((ulong)task << 32) | doc;

    private static IEnumerable<List<ulong>> Components(UnionFind uf)
    {
        var byRoot = new Dictionary<int, List<ulong>>();
        for (int node = 0; node < uf.Count; node++)
        {
            int root = uf.Find(node);
            if (!byRoot.TryGetValue(root, out var list)) byRoot[root] = list = [];
            list.Add(uf.Key(node));
        }
        return byRoot.Values;
    }

    private static ClusterMember Resolve(ulong key, Dictionary<uint, DocTable> tables, DedupIndex? index)
    {
        uint task = (uint)(key >> 32), doc = (uint)key;
        if (task >= DedupIndex.IndexTaskMark)
        {
            int run = (int)(task & ~DedupIndex.IndexTaskMark);
            return new ClusterMember(task, doc, index!.DocumentId(run, (int)doc), index.Priority(run, (int)doc), true);
        }
        DocTable table = tables[task];
        return new ClusterMember(task, doc, table.Id((int)doc), table.Priority((int)doc), false);
    }
}
