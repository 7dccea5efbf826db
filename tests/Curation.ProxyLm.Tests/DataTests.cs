using Curation.ProxyLm.Data;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

public sealed class DataTests
{
    private static readonly int[][] DocsU16 = [[5, 6, 7], [1], [], [65000, 2, 3, 4], [9, 9, 9, 9, 9]];
    private static readonly int[][] DocsI32 = [[70000, 1], [2, 3, 100000], [4]];

    private static int[] All(ITokenSource s)
    {
        var t = new int[s.TokenCount];
        s.Read(0, t);
        return t;
    }

    [Fact]
    public void ReadsGoldenMegatronShards()
    {
        using var u16 = new MegatronIndexedDataset(RepoPaths.Fixture("lm", "shards", "golden_u16"));
        Assert.Equal(TokenDType.UInt16, u16.DType);
        Assert.Equal(5, u16.DocumentCount);
        Assert.Equal(DocsU16.SelectMany(d => d), All(u16));
        Assert.Equal(0, u16.SequenceLength(2));
        Assert.Equal(4, u16.SequenceStart(3));
        using var i32 = (MegatronIndexedDataset)TokenShards.Open(RepoPaths.Fixture("lm", "shards", "golden_i32.bin"));
        Assert.Equal(TokenDType.Int32, i32.DType);
        Assert.Equal(DocsI32.SelectMany(d => d), All(i32));
        var window = new int[2];
        i32.Read(2, window);
        Assert.Equal(new[] { 2, 3 }, window);
    }

    [Fact]
    public void ReadsGoldenDatatroveShards()
    {
        using var u16 = (DatatroveTokenFile)TokenShards.Open(RepoPaths.Fixture("lm", "shards", "golden_u16.ds"));
        Assert.Equal(2, u16.TokenSize);
        Assert.Equal(DocsU16.SelectMany(d => d), All(u16));
        Assert.Equal(new long[] { 3, 4, 4, 8, 13 }, Enumerable.Range(0, 5).Select(d => u16.DocumentEnd(d)));
        using var u32 = new DatatroveTokenFile(RepoPaths.Fixture("lm", "shards", "golden_u32.ds"));
        Assert.Equal(4, u32.TokenSize);
        Assert.Equal(DocsI32.SelectMany(d => d), All(u32));
    }

    [Fact]
    public void WriterReproducesTheGoldenFilesByteForByte()
    {
        using var dir = new TempDir("shards");
        TokenShards.WriteMegatron(dir.File("u16"), DocsU16, TokenDType.UInt16);
        TokenShards.WriteMegatron(dir.File("i32"), DocsI32, TokenDType.Int32);
        TokenShards.WriteDatatrove(dir.File("u16.ds"), DocsU16, 2, "test-tokenizer");
        TokenShards.WriteDatatrove(dir.File("u32.ds"), DocsI32, 4, "test-tokenizer");
        foreach (var (mine, golden) in new[] { ("u16.idx", "golden_u16.idx"), ("u16.bin", "golden_u16.bin"), ("i32.idx", "golden_i32.idx"), ("i32.bin", "golden_i32.bin"),
                     ("u16.ds", "golden_u16.ds"), ("u16.ds.index", "golden_u16.ds.index"), ("u16.ds.metadata", "golden_u16.ds.metadata"),
                     ("u32.ds", "golden_u32.ds"), ("u32.ds.index", "golden_u32.ds.index") })
            Assert.True(File.ReadAllBytes(dir.File(mine)).SequenceEqual(File.ReadAllBytes(RepoPaths.Fixture("lm", "shards", golden))), $"{mine} differs from {golden}");
    }

    [Theory]
    [InlineData(0, 0x41, "bad magic at byte offset 0")]
    [InlineData(9, 2, "unsupported version 2 at byte offset 9")]
    [InlineData(17, 6, "dtype code 6 at byte offset 17")]
    [InlineData(18, 9, "header says 9 sequences")]
    [InlineData(34 + 4, 2, "sequence pointer")]
    [InlineData(34 + 60 + 8, 3, "document index")]
    public void DamagedMegatronIndexIsRejectedWithFileAndOffset(int offset, byte value, string expected)
    {
        using var dir = new TempDir("shards");
        TokenShards.WriteMegatron(dir.File("x"), DocsU16, TokenDType.UInt16);
        var bytes = File.ReadAllBytes(dir.File("x.idx"));
        bytes[offset] = value;
        File.WriteAllBytes(dir.File("x.idx"), bytes);
        var e = Assert.Throws<TokenShardException>(() => new MegatronIndexedDataset(dir.File("x")));
        Assert.Contains("x.idx", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TruncatedFilesAreRejected()
    {
        using var dir = new TempDir("shards");
        TokenShards.WriteMegatron(dir.File("x"), DocsU16, TokenDType.UInt16);
        File.WriteAllBytes(dir.File("x.bin"), File.ReadAllBytes(dir.File("x.bin"))[..^2]);
        Assert.Contains("x.bin", Assert.Throws<TokenShardException>(() => new MegatronIndexedDataset(dir.File("x"))).Message);
        File.WriteAllBytes(dir.File("x.idx"), File.ReadAllBytes(dir.File("x.idx"))[..20]);
        Assert.Contains("x.idx", Assert.Throws<TokenShardException>(() => new MegatronIndexedDataset(dir.File("x"))).Message);

        TokenShards.WriteDatatrove(dir.File("y.ds"), DocsU16, 2, "t");
        var index = File.ReadAllBytes(dir.File("y.ds.index"));
        index[8] = 200; // second document end jumps past the token count
        File.WriteAllBytes(dir.File("y.ds.index"), index);
        var e = Assert.Throws<TokenShardException>(() => new DatatroveTokenFile(dir.File("y.ds")));
        Assert.Contains("y.ds.index", e.Message);
        Assert.Contains("byte offset 8", e.Message);
        Assert.Throws<FileNotFoundException>(() => TokenShards.Open(dir.File("missing")));
    }

    [Fact]
    public void ReadsOutsideTheShardThrow()
    {
        using var u16 = new MegatronIndexedDataset(RepoPaths.Fixture("lm", "shards", "golden_u16"));
        Assert.Throws<ArgumentOutOfRangeException>(() => u16.Read(12, new int[2]));
    }
}
