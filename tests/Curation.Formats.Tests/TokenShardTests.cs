using System.Buffers.Binary;
using System.Text;
using Curation.Formats.TokenShards;
using Curation.Testing;

namespace Curation.Formats.Tests;

/// <summary>Each trainer format is read back by a reader written here from the format's specification.</summary>
public class TokenShardTests
{
    private static List<int[]> Docs(int vocab, int n = 50, int seed = 3)
    {
        var rnd = new Random(seed);
        var docs = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, rnd.Next(0, 300)).Select(_ => rnd.Next(vocab)).ToArray()).ToList();
        docs.Add([]); // an empty document is valid
        docs.Add([vocab - 1]);
        return docs;
    }

    private static int[] ReadTokens(ReadOnlySpan<byte> bytes, int itemSize)
    {
        var result = new int[bytes.Length / itemSize];
        for (var i = 0; i < result.Length; i++)
            result[i] = itemSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) : BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
        return result;
    }

    [Theory]
    [InlineData(50257, 2, 8)]
    [InlineData(65499, 2, 8)]
    [InlineData(65500, 4, 4)]
    [InlineData(200019, 4, 4)]
    public void Megatron_IndexChecksAndRecoversEveryDocument(int vocab, int itemSize, byte dtypeCode)
    {
        using var t = new TempDir("mega");
        var docs = Docs(vocab);
        using (var w = new MegatronIndexedWriter(t.File("x"), vocab))
        {
            foreach (var d in docs) w.Add(d);
            w.Complete();
        }
        var idx = File.ReadAllBytes(t.File("x.idx"));
        var bin = File.ReadAllBytes(t.File("x.bin"));
        Assert.Equal("MMIDIDX\0\0"u8.ToArray(), idx[..9]);
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(9)));
        Assert.Equal(dtypeCode, idx[17]);
        var s = (long)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(18));
        var dCount = (long)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(26));
        Assert.Equal(docs.Count, s);
        Assert.Equal(s + 1, dCount);
        Assert.Equal(34 + 12 * s + 8 * dCount, idx.Length); // 42 + 20·D when S = D
        long ptr = 0;
        for (var i = 0; i < s; i++)
        {
            var len = BinaryPrimitives.ReadInt32LittleEndian(idx.AsSpan(34 + 4 * i));
            var p = BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan((int)(34 + 4 * s + 8 * i)));
            Assert.Equal(ptr, p); // pointers are prefix sums of length × itemsize
            Assert.Equal(docs[i], ReadTokens(bin.AsSpan((int)p, len * itemSize), itemSize));
            ptr += (long)len * itemSize;
        }
        Assert.Equal(ptr, bin.Length);
        var docIdx = Enumerable.Range(0, (int)dCount).Select(i => BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan((int)(34 + 12 * s + 8 * i)))).ToList();
        Assert.Equal(0, docIdx[0]);
        Assert.Equal(s, docIdx[^1]); // Megatron asserts sequence_lengths.shape[0] == document_indices[-1]
        Assert.True(docIdx.Zip(docIdx.Skip(1)).All(p => p.Second >= p.First));
    }

    [Theory]
    [InlineData(32000, true)]
    [InlineData(128256, false)]
    public void NanotronDs_IndexIsCumulativeDocumentEnds(int vocab, bool loss)
    {
        using var t = new TempDir("ds");
        var docs = Docs(vocab);
        using (var w = new NanotronDsWriter(t.File("000.ds"), vocab, "gpt2", loss))
        {
            foreach (var d in docs) w.Add(d, d.Select(x => x % 2 == 0).ToArray());
            w.Complete();
        }
        var itemSize = vocab <= 65536 ? 2 : 4;
        var tokens = ReadTokens(File.ReadAllBytes(t.File("000.ds")), itemSize);
        var index = File.ReadAllBytes(t.File("000.ds.index"));
        long start = 0;
        for (var i = 0; i < docs.Count; i++)
        {
            var end = (long)BinaryPrimitives.ReadUInt64LittleEndian(index.AsSpan(8 * i));
            Assert.Equal(docs[i], tokens[(int)start..(int)end]);
            start = end;
        }
        Assert.Equal(tokens.Length, start);
        var meta = File.ReadAllLines(t.File("000.ds.metadata"));
        Assert.Equal($"gpt2|{itemSize}", meta[0]);
        Assert.Equal(tokens.Length.ToString(), meta[1]);
        Assert.Equal(loss, File.Exists(t.File("000.ds.loss")));
        if (loss) Assert.Equal(docs.SelectMany(d => d).Select(x => x % 2 == 0 ? (byte)1 : (byte)0), File.ReadAllBytes(t.File("000.ds.loss")));
    }

    [Fact]
    public void Npy_IsReadByNumpy_AndCsvGivesDocumentSpans()
    {
        using var t = new TempDir("npy");
        var docs = Docs(50257, 20);
        using (var w = new NpyTokenWriter(t.File("part.npy"), 50257))
        {
            for (var i = 0; i < docs.Count; i++) w.Add(docs[i], default, $"doc-{i}", "web");
            w.Complete();
        }
        var res = ProcessRunner.Run("/usr/bin/python3", ["-c", "import numpy, sys; a = numpy.load(sys.argv[1], mmap_mode='r'); print(a.dtype, a.shape[0], int(a.astype('int64').sum()))", t.File("part.npy")]).EnsureSuccess();
        var all = docs.SelectMany(d => d).ToArray();
        Assert.Equal($"uint16 {all.Length} {all.Sum(x => (long)x)}", res.StdOut.Trim());
        var rows = File.ReadAllLines(t.File("part.csv"));
        Assert.Equal(docs.Count, rows.Length);
        Assert.Equal($"0,{docs[0].Length},doc-0,web", rows[0]);
    }

    [Fact]
    public void Llmc_HeaderAndTokens()
    {
        using var t = new TempDir("llmc");
        var docs = Docs(50257, 10);
        using (var w = new LlmcTokenWriter(t.File("train.bin"), 50257))
        {
            foreach (var d in docs) w.Add(d);
            w.Complete();
        }
        var b = File.ReadAllBytes(t.File("train.bin"));
        Assert.Equal(20240520, BitConverter.ToInt32(b, 0));
        Assert.Equal(1, BitConverter.ToInt32(b, 4));
        var all = docs.SelectMany(d => d).ToArray();
        Assert.Equal(all.Length, BitConverter.ToInt32(b, 8));
        Assert.Equal(all, ReadTokens(b.AsSpan(1024), 2));
    }

    [Fact]
    public void UInt16_RejectsIdsThatDoNotFit()
    {
        using var t = new TempDir("fit");
        using var w = new NanotronDsWriter(t.File("x.ds"), 1000, "tiny");
        Assert.Throws<ArgumentOutOfRangeException>(() => w.Add([70000]));
    }
}
