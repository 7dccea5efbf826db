using Curation.Dedup.Index;
using Curation.Dedup.MinHash;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class DedupIndexTests
{
    private static LocalDedupOptions Options(string? index = null, string? append = null, double? verify = null) =>
        new(new MinHasher(new MinHashOptions()))
        {
            Cluster = new ClusterStepOptions { VerifyThreshold = verify },
            Workers = 2,
            IndexDirectory = index,
            AppendRunName = append,
        };

    /// <summary>
    /// The nightly case: 90% of the near-dup set is the old corpus (indexed), 10% arrives as new shards,
    /// many of them variants of old documents. Old documents get priority 1 so that a full rerun also
    /// prefers them, which is the situation the index is for. Without verification the equivalence is exact
    /// (connected components are the same); with verification a new document is checked against the old
    /// cluster's kept member only, so a few borderline documents may differ (asserted: ≥ 90% agreement).
    /// </summary>
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData(0.7, 0.9)]
    public void IncrementalRun_RemovesTheSameNewDocumentsAsAFullRerun(double? verify, double minAgreement)
    {
        var all = NearDupFixture.Documents;
        var oldDocs = all.Where((_, i) => i % 10 != 3).Select(d => d with { Priority = 1 }).ToList();
        var newDocs = all.Where((_, i) => i % 10 == 3).ToList();
        var newIds = newDocs.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        using var dir = new TempDir();
        string index = dir.File("index");

        LocalDedupRunner.Run(NearDupFixture.Split(oldDocs, 4), dir.File("night1"), Options(index, "night1", verify));
        var incremental = LocalDedupRunner.Run(NearDupFixture.Split(newDocs, 2), dir.File("night2"), Options(index, "night2", verify));
        // Only the new shards were signed.
        Assert.Equal(newDocs.Count, incremental.Signatures.Sum(s => s.Documents));
        Assert.True(incremental.Buckets.Sum(b => b.IndexMatches) > 0);

        LocalDedupRunner.Run(NearDupFixture.Split([.. oldDocs, .. newDocs], 3), dir.File("full"), Options(verify: verify));
        var full = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.File("full"))));
        var inc = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.File("night2"))));

        Assert.Equal(newIds.Order(StringComparer.Ordinal), inc.Keys.Order(StringComparer.Ordinal));
        var removedFull = full.Values.Where(r => newIds.Contains(r.Id) && !r.Kept).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var removedInc = inc.Values.Where(r => !r.Kept).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        Assert.True(removedInc.Count > newDocs.Count / 4, $"only {removedInc.Count} of {newDocs.Count} new documents removed");
        double agreement = removedFull.Intersect(removedInc).Count() / (double)removedFull.Union(removedInc).Count();
        Assert.True(agreement >= minAgreement, $"agreement {agreement:F3}: full {string.Join(',', removedFull.Except(removedInc))} / incremental {string.Join(',', removedInc.Except(removedFull))}");
        if (verify is null)
        {
            Assert.Equal(removedFull, removedInc);
            // New duplicates of old documents carry the cluster id a full rerun gives them.
            Assert.All(inc.Values.Where(r => !r.Kept), r => Assert.Equal(full[r.Id].Cluster, r.Cluster));
        }

        using var opened = DedupIndex.Open(index);
        Assert.Equal(["night1", "night2"], opened.Manifest.Runs);
    }

    [Fact]
    public void OpenOrCreate_DifferentScheme_Throws()
    {
        using var dir = new TempDir();
        using (DedupIndex.OpenOrCreate(dir.Path, new MinHasher(new MinHashOptions()))) { }
        var e = Assert.Throws<InvalidDataException>(() => DedupIndex.OpenOrCreate(dir.Path, new MinHasher(new MinHashOptions { Bands = 20, Rows = 5 })));
        Assert.Contains("index.json", e.Message);
    }

    [Fact]
    public void IndexedDuplicates_AreNeverRemovedFromTheIndex_AndNewCopiesAre()
    {
        using var dir = new TempDir();
        string text = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"token{i}"));
        string index = dir.File("index");
        LocalDedupRunner.Run(NearDupFixture.Split([new DedupDocument("z-old", text), new DedupDocument("y-old", text)], 1), dir.File("r1"), Options(index, "r1"));
        // "a-new" would win the keep rule by id, but indexed documents always win.
        LocalDedupRunner.Run(NearDupFixture.Split([new DedupDocument("a-new", text), new DedupDocument("b-unique", "something else entirely, nothing shared at all")], 1), dir.File("r2"), Options(index));
        var rows = ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.File("r2"))));
        Assert.False(rows["a-new"].Kept);
        Assert.Equal("y-old", rows["a-new"].Cluster); // the cluster id y-old received in run 1
        Assert.True(rows["b-unique"].Kept);
    }
}
