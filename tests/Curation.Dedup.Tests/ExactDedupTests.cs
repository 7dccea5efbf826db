using Curation.Dedup.Exact;
using Curation.Dedup.Steps;
using Curation.Dedup.Storage;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class ExactDedupTests
{
    private static Dictionary<string, ClustersFile.Row> Run(ISignatureScheme scheme, List<DedupDocument> docs, int tasks)
    {
        using var dir = new TempDir();
        var options = new LocalDedupOptions(scheme) { Cluster = new ClusterStepOptions { VerifyThreshold = 1.0 }, Workers = 2 };
        LocalDedupRunner.Run(NearDupFixture.Split(docs, tasks), dir.Path, options);
        return ClustersFile.Read(StepPaths.Clusters(LocalDedupRunner.ClustersDirectory(dir.Path)));
    }

    [Theory]
    [InlineData(TextNormalization.None, 2)]
    [InlineData(TextNormalization.Whitespace, 3)]
    [InlineData(TextNormalization.LowercaseWhitespace, 4)]
    [InlineData(TextNormalization.Simplify, 5)]
    public void ExactText_GroupsByConfiguredNormalization(TextNormalization normalization, int expectedSize)
    {
        var docs = new List<DedupDocument>
        {
            new("d1", "Hello world"),
            new("d2", "Hello   world\n"),
            new("d3", "hello WORLD"),
            new("d4", "hello, world!"),
            new("d5", "Hello world"),
            new("d6", "Goodbye"),
        };
        var rows = Run(new ExactTextScheme(normalization), docs, 3);
        // d1 and d5 are byte-identical; each looser normalisation adds one more variant to their cluster.
        Assert.Equal(expectedSize, rows["d1"].Size);
        Assert.True(rows["d1"].Kept);
        Assert.Equal(1, rows["d6"].Size);
    }

    [Fact]
    public void ExactText_NearDupSet_FindsExactAndWhitespaceCopies()
    {
        var rows = Run(new ExactTextScheme(TextNormalization.Whitespace), [.. NearDupFixture.Documents], 2);
        foreach (var p in NearDupFixture.Pairs.Where(p => p.Variant is "exact" or "ws"))
            Assert.Equal(rows[p.A].Cluster, rows[p.B].Cluster);
        foreach (var p in NearDupFixture.Pairs.Where(p => p.Variant is "r01"))
            Assert.NotEqual(rows[p.A].Cluster, rows[p.B].Cluster);
    }

    [Theory]
    [InlineData("HTTP://Example.COM:80/a/b/#frag", "http://example.com/a/b")]
    [InlineData("https://example.com/?q=1", "https://example.com?q=1")]
    [InlineData("https://example.com:8443/x", "https://example.com:8443/x")]
    [InlineData("  not a url ", "not a url")]
    public void UrlScheme_Normalize(string url, string expected) => Assert.Equal(expected, UrlScheme.Normalize(url));

    [Fact]
    public void UrlScheme_DedupsEquivalentUrls()
    {
        var rows = Run(new UrlScheme(), [new("u2", "https://EXAMPLE.com/page#top"), new("u1", "https://example.com/page/"), new("u3", "https://example.com/other")], 2);
        Assert.Equal("u1", rows["u2"].Cluster);
        Assert.False(rows["u2"].Kept);
        Assert.Equal(1, rows["u3"].Size);
    }
}
