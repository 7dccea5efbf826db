using Curation.Dedup.MinHash;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class NearDedupPipelineTests
{
    private const string Base =
        "the committee met on tuesday to discuss the new budget proposal for the coming fiscal year and agreed " +
        "that the spending on roads schools and hospitals should rise while administrative costs are cut back " +
        "several members asked for a detailed report on how the savings would be achieved before the final vote";

    private static LocalDedupOptions Options(double? verify = null, long budget = 256L << 20, int shards = 1) =>
        new(new MinHasher(new MinHashOptions()))
        {
            Signature = new SignatureStepOptions { MemoryBudgetBytes = budget },
            Bucket = new BucketStepOptions { Shards = shards },
            Cluster = new ClusterStepOptions { VerifyThreshold = verify },
            Workers = 2,
        };

    private static List<DedupDocument> Crafted() =>
    [
        new("doc-c", Base),
        new("doc-a", Base.Replace("tuesday", "wednesday")),
        new("doc-b", "An entirely different text about gardening, tomatoes and the best time to plant them in spring."),
        new("doc-d", Base + " and nothing else was said", Priority: 0.9),
        new("doc-e", ""),
    ];

    [Fact]
    public void Run_CraftedDocs_ClustersNearDuplicatesWithPriorityThenIdKeepRule()
    {
        using var dir = new TempDir();
        var result = LocalDedupRunner.Run(NearDupFixture.Split(Crafted(), 2), dir.Path, Options());
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));
        Assert.Equal(5, rows.Count);
        // doc-d has the highest priority, so it is kept and names the cluster.
        foreach (string id in new[] { "doc-a", "doc-c", "doc-d" })
        {
            Assert.Equal("doc-d", rows[id].Cluster);
            Assert.Equal(3, rows[id].Size);
            Assert.Equal(id == "doc-d", rows[id].Kept);
        }
        Assert.Equal(new ClustersFile.Row("doc-b", "doc-b", 1, true), rows["doc-b"]);
        Assert.Equal(new ClustersFile.Row("doc-e", "doc-e", 1, true), rows["doc-e"]);
        Assert.Equal(2, result.Cluster.Removed);
    }

    [Fact]
    public void Run_EqualPriorities_KeepsSmallestIdOrdinally()
    {
        using var dir = new TempDir();
        var docs = new List<DedupDocument> { new("b", Base), new("B", Base), new("a", Base) };
        LocalDedupRunner.Run(NearDupFixture.Split(docs, 1), dir.Path, Options());
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));
        Assert.True(rows["B"].Kept); // 'B' (0x42) < 'a' < 'b' ordinally
        Assert.All(rows.Values, r => Assert.Equal("B", r.Cluster));
    }

    [Fact]
    public void Filter_DecisionsCarryClusterMetadata_AndDetectReorderedInput()
    {
        using var dir = new TempDir();
        var tasks = NearDupFixture.Split(Crafted(), 2);
        LocalDedupRunner.Run(tasks, dir.Path, Options());
        var decisions = Enumerable.Range(0, 2).SelectMany(t => LocalDedupRunner.Filter(t, tasks[t](), dir.Path)).ToDictionary(d => d.Document.Id);
        Assert.True(decisions["doc-d"].Keep);
        Assert.Equal(2, decisions["doc-d"].Duplicates);
        Assert.False(decisions["doc-a"].Keep);
        Assert.Equal("doc-d", decisions["doc-a"].Cluster);
        Assert.True(decisions["doc-b"].Keep);
        Assert.Equal(0, decisions["doc-b"].Duplicates);

        var reordered = tasks[0]().Reverse().ToList();
        var e = Assert.Throws<InvalidDataException>(() => LocalDedupRunner.Filter(0, reordered, dir.Path).ToList());
        Assert.Contains("input order", e.Message);
    }

    [Fact]
    public void Run_OutputsIdenticalAcrossTaskCountsShardsBudgetsAndReruns()
    {
        var docs = NearDupFixture.Documents;
        string? reference = null;
        foreach (var (tasks, contiguous, shards, budget) in new[] { (1, false, 1, 256L << 20), (3, true, 2, 256L << 20), (7, false, 3, 4096L), (1, false, 1, 256L << 20) })
        {
            using var dir = new TempDir();
            var result = LocalDedupRunner.Run(NearDupFixture.Split(docs, tasks, contiguous), dir.Path, Options(verify: 0.7, budget, shards));
            if (budget < 1 << 20) Assert.All(result.Signatures, s => Assert.True(s.SpilledRuns > 0));
            string clusters = File.ReadAllText(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));
            reference ??= clusters;
            Assert.Equal(reference, clusters);
        }
    }

    [Fact]
    public void Run_NearDupSet_RecallAtLeast095AndPrecisionAtLeast099WithVerification()
    {
        using var dir = new TempDir();
        LocalDedupRunner.Run(NearDupFixture.Split(NearDupFixture.Documents, 2), dir.Path, Options(verify: 0.7));
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));

        var high = NearDupFixture.Pairs.Where(p => p.JaccardW5 >= 0.8).ToList();
        Assert.True(high.Count >= 300);
        double recall = high.Count(p => rows[p.A].Cluster == rows[p.B].Cluster) / (double)high.Count;
        Assert.True(recall >= 0.95, $"recall {recall:F3} on {high.Count} pairs with J ≥ 0.8");

        // Precision over every predicted same-cluster pair: it must lie inside one ground-truth cluster.
        var truth = NearDupFixture.TrueClusters;
        long predicted = 0, correct = 0;
        foreach (var cluster in rows.Values.GroupBy(r => r.Cluster).Where(g => g.Count() > 1))
        {
            var members = cluster.ToList();
            for (int i = 0; i < members.Count; i++)
                for (int j = i + 1; j < members.Count; j++)
                {
                    predicted++;
                    if (truth[members[i].Id] == truth[members[j].Id]) correct++;
                }
        }
        Assert.True(predicted > 0);
        Assert.True(correct / (double)predicted >= 0.99, $"precision {correct / (double)predicted:F4} over {predicted} pairs");

        // Negatives (random other documents of the same domain) are never merged.
        Assert.All(NearDupFixture.Pairs.Where(p => p.Variant == "negative-same-domain"), p => Assert.NotEqual(rows[p.A].Cluster, rows[p.B].Cluster));
    }

    [Fact]
    public void Run_VerificationSplitsFalsePositivesOffTheRepresentative()
    {
        // Loose LSH (many 1-row bands) links a 40%-similar pair; verification at 0.8 separates it.
        using var dir = new TempDir();
        string a = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"alpha{i}"));
        string b = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"alpha{i}").Concat(Enumerable.Range(0, 80).Select(i => $"beta{i}")));
        var loose = new LocalDedupOptions(new MinHasher(new MinHashOptions { Bands = 56, Rows = 2 })) { Workers = 1 };
        var docs = new List<DedupDocument> { new("x", a), new("y", b) };
        LocalDedupRunner.Run(NearDupFixture.Split(docs, 1), dir.Path, loose);
        Assert.Equal(2, ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)))["y"].Size);

        using var dir2 = new TempDir();
        LocalDedupRunner.Run(NearDupFixture.Split(docs, 1), dir2.Path, loose with { Cluster = new ClusterStepOptions { VerifyThreshold = 0.8 } });
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir2.Path)));
        Assert.True(rows["x"].Kept && rows["y"].Kept);
        Assert.Equal(1, rows["y"].Size);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    public void Verification_FailedMembersReclusterWithinTheRoundLimit(int rounds, int expectedSizeOfY)
    {
        using var dir = new TempDir();
        string a = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"alpha{i}"));
        string b = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"alpha{i}").Concat(Enumerable.Range(0, 80).Select(i => $"beta{i}")));
        var options = new LocalDedupOptions(new MinHasher(new MinHashOptions { Bands = 56, Rows = 2 }))
        {
            Workers = 1,
            Cluster = new ClusterStepOptions { VerifyThreshold = 0.8, MaxVerificationRounds = rounds },
        };
        // x is the representative; y and its copy z fail against x and form their own cluster in round 2.
        LocalDedupRunner.Run(NearDupFixture.Split([new("x", a), new("y", b), new("z", b)], 1), dir.Path, options);
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));
        Assert.Equal(expectedSizeOfY, rows["y"].Size);
        Assert.Equal(rows["y"].Size == 2 ? "y" : "z", rows["z"].Cluster);
        Assert.True(rows["x"].Kept);
        Assert.Equal(1, rows["x"].Size);
    }

    [Fact]
    public void ClusterStep_PairReferringToUnknownDocument_ThrowsNamingTheFile()
    {
        using var dir = new TempDir();
        string work = dir.Path;
        LocalDedupRunner.Run(NearDupFixture.Split(Crafted(), 1), work, Options());
        string bogus = StepPaths.Pairs(LocalDedupRunner.PairsDirectory(work), 99, 0);
        RecordFile.Write(bogus, [new PairRecord(0, 0, 5, 0)]);
        var e = Assert.Throws<InvalidDataException>(() =>
            new ClusterStep().Run(LocalDedupRunner.SignaturesDirectory(work), LocalDedupRunner.PairsDirectory(work), dir.File("c2")));
        Assert.Contains(bogus, e.Message);
    }
}
