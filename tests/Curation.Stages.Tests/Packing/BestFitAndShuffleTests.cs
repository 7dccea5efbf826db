using Curation.Stages.Packing;
using Curation.Testing;

namespace Curation.Stages.Tests.Packing;

/// <summary>The bin packer and the external shuffle on their own.</summary>
public class BestFitAndShuffleTests
{
    [Fact]
    public void BestFit_PlacesEveryItemOnce_NeverOverfills_AndMatchesAKnownOptimum()
    {
        // 6+4, 5+5, 7+3 fill three bins of 10 exactly; BFD finds it.
        var bins = BestFitBins.Assign([6, 5, 7, 4, 3, 5], 10);
        Assert.Equal(3, bins.Count);
        var rng = new SplitMixRandom(7);
        var lengths = Enumerable.Range(0, 5000).Select(_ => 1 + rng.Next(2049)).ToArray();
        var packed = BestFitBins.Assign(lengths, 2049);
        Assert.Equal(Enumerable.Range(0, lengths.Length), packed.SelectMany(b => b).Order());
        Assert.All(packed, b => Assert.True(b.Sum(i => lengths[i]) <= 2049));
        var lower = Math.Ceiling(lengths.Sum(l => (double)l) / 2049);
        Assert.True(packed.Count <= lower * 1.05, $"{packed.Count} bins for a lower bound of {lower}");
    }

    [Fact]
    public void BestFit_RejectsItemsLargerThanABin() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BestFitBins.Assign([11], 10));

    private static List<PackedSequence> Sequences(int n, int len) =>
        Enumerable.Range(0, n).Select(i => new PackedSequence(Enumerable.Repeat(i, len).ToArray(), [0, len], "", "")).ToList();

    [Fact]
    public void ExternalShuffle_IsAPermutation_DeterministicBySeed_WithBucketsUnderTheBuffer()
    {
        using var t = new TempDir();
        var input = Sequences(3000, 1000); // ~12 MB through a 1 MB buffer
        const long buffer = 1 << 20;
        var s1 = new ExternalShuffler(t.File("a"), buffer, 5);
        var out1 = s1.Shuffle(input, estimatedBytes: 1 << 20).Select(s => s.Tokens[0]).ToList();
        var out2 = new ExternalShuffler(t.File("b"), buffer, 5).Shuffle(input, 1 << 20).Select(s => s.Tokens[0]).ToList();
        var out3 = new ExternalShuffler(t.File("c"), buffer, 6).Shuffle(input, 1 << 20).Select(s => s.Tokens[0]).ToList();
        Assert.Equal(Enumerable.Range(0, 3000), out1.Order());
        Assert.Equal(out1, out2);
        Assert.NotEqual(out1, out3);
        // The first scatter was sized for 1 MB, so the buckets came out too big and were scattered again.
        Assert.True(s1.BucketFiles > 2);
        Assert.InRange(s1.LargestBucketBytes, 1, buffer);
        Assert.Empty(Directory.EnumerateFiles(t.File("a")));
        // Displacement: a shuffle moves items far, not only within neighbouring positions.
        Assert.True(out1.Select((v, i) => Math.Abs(v - i)).Average() > 500);
    }
}
