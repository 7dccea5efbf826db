using Curation.Dedup.MinHash;

namespace Curation.Dedup.Tests;

public class UniversalHashKernelTests
{
    private const ulong P = MinHasher.MersennePrime;

    [Fact]
    public void MulAddMod_MatchesUInt128Arithmetic()
    {
        var rng = new Random(11);
        ulong[] edges = [0, 1, 2, P - 1, P - 2, 1UL << 32, (1UL << 32) - 1, 1UL << 60];
        var values = edges.Concat(Enumerable.Range(0, 200).Select(_ => (ulong)rng.NextInt64() % P)).ToArray();
        foreach (ulong a in values.Take(40))
            foreach (ulong x in values)
            {
                ulong b = x ^ 0x5555;
                b %= P;
                ulong expected = (ulong)(((UInt128)a * x + b) % P);
                Assert.Equal(expected, UniversalHashKernel.MulAddMod(a, x, b));
            }
    }

    [Theory]
    [InlineData(112)]
    [InlineData(9)]
    [InlineData(3)]
    public void Accumulate_SimdAndScalarPathsAgree(int length)
    {
        var paths = new[] { UniversalHashKernel.Path.Avx2, UniversalHashKernel.Path.Avx512 }.Where(UniversalHashKernel.IsSupported).ToList();
        if (paths.Count == 0) paths.Add(UniversalHashKernel.Path.Auto); // no SIMD here: Auto must still equal scalar
        foreach (var path in paths) Compare(length, path);
    }

    private static void Compare(int length, UniversalHashKernel.Path path)
    {
        var rng = new Random(length);
        ulong[] a = Enumerable.Range(0, length).Select(_ => (ulong)rng.NextInt64() % (P - 1) + 1).ToArray();
        ulong[] b = Enumerable.Range(0, length).Select(_ => (ulong)rng.NextInt64() % P).ToArray();
        a[0] = P - 1;
        b[0] = P - 1;
        var kernel = new UniversalHashKernel(a, b);
        var simd = new ulong[kernel.PaddedLength];
        var scalar = new ulong[kernel.PaddedLength];
        Array.Fill(simd, ulong.MaxValue);
        Array.Fill(scalar, ulong.MaxValue);
        ulong[] inputs = [0, ulong.MaxValue, P, P - 1, .. Enumerable.Range(0, 500).Select(_ => (ulong)rng.NextInt64())];
        foreach (ulong x in inputs)
        {
            kernel.Accumulate(x, simd, path);
            kernel.Accumulate(x, scalar, UniversalHashKernel.Path.Scalar);
            Assert.Equal(scalar.AsSpan(0, length).ToArray(), simd.AsSpan(0, length).ToArray());
        }
        Assert.All(scalar.Take(length), v => Assert.True(v < P));
    }
}
