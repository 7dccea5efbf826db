using Curation.FastText.Model;

namespace Curation.FastText.Tests;

/// <summary>The C++ behaviours the implementation reproduces: printf %g, minstd_rand, libstdc++ heaps, FNV hash.</summary>
public sealed class FormatAndRandomTests
{
    [Theory]
    [InlineData(1.00001, 6, "1.00001")]
    [InlineData(1e-05, 6, "1e-05")]
    [InlineData(0.000134365, 6, "0.000134365")]
    [InlineData(0.0000100006, 6, "1.00006e-05")]
    [InlineData(0.5, 6, "0.5")]
    [InlineData(123456789.0, 6, "1.23457e+08")]
    [InlineData(100000.0, 6, "100000")]
    [InlineData(1000000.0, 6, "1e+06")]
    [InlineData(0.9245, 3, "0.924")]
    [InlineData(0.9999, 3, "1")]
    [InlineData(-0.26759123, 5, "-0.26759")]
    [InlineData(0.0, 6, "0")]
    [InlineData(1e-300, 6, "1e-300")]
    public void FormatsLikePrintfG(double value, int precision, string expected) =>
        Assert.Equal(expected, CppFloatFormat.G(value, precision));

    [Fact]
    public void MinStdRandMatchesTheCppStandard()
    {
        // [rand.predef]: the 10000th invocation of a default-constructed minstd_rand (seed 1) yields 399268537.
        var rng = new MinStdRand(1);
        uint v = 0;
        for (var i = 0; i < 10000; i++) v = rng.Next();
        Assert.Equal(399268537u, v);
        Assert.Equal(48271u, new MinStdRand(1).Next());
        Assert.Equal(48271u, new MinStdRand(0).Next()); // seed 0 is mapped to 1
    }

    [Fact]
    public void UniformIntStaysInRangeAndCoversIt()
    {
        var rng = new MinStdRand(5);
        var seen = new int[3];
        for (var i = 0; i < 3000; i++) seen[rng.NextInt(0, 2)]++;
        Assert.All(seen, c => Assert.InRange(c, 800, 1200));
        for (var i = 0; i < 1000; i++) Assert.InRange(rng.NextUniformReal(-0.5, 0.5), -0.5, 0.5);
    }

    [Fact]
    public void HeapKeepsTopKInDescendingOrder()
    {
        var heap = new PredictionHeap();
        var scores = new float[] { -3f, -0.5f, -2f, -0.1f, -7f, -0.5f };
        const int k = 3;
        for (var i = 0; i < scores.Length; i++)
        {
            if (heap.Count == k && scores[i] < heap.Front.Score) continue;
            heap.Push(scores[i], i);
            if (heap.Count > k) heap.Pop();
        }
        heap.Sort();
        Assert.Equal(3, heap.Count);
        Assert.Equal(3, heap[0].Label);
        Assert.Equal(-0.5f, heap[1].Score);
        Assert.Equal(-0.5f, heap[2].Score);
    }

    [Fact]
    public void HashUsesTheSignedCharCast()
    {
        // A byte >= 0x80 is sign-extended before the xor: 0xE9 contributes 0xFFFFFFE9, not 0xE9.
        var h = unchecked((FastTextHash.Basis ^ 0xFFFFFFE9u) * 16777619u);
        Assert.Equal(h, FastTextHash.Hash([0xE9]));
        Assert.Equal(0xE40C292Cu, FastTextHash.Hash("a"u8)); // FNV-1a of "a" (ASCII is unaffected)
    }
}
