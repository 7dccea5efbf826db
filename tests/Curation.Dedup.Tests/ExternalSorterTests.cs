using Curation.Dedup.Storage;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class ExternalSorterTests
{
    private static BandRecord[] Random(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new BandRecord((ulong)rng.NextInt64() % 1000, (uint)rng.Next(4), (uint)i)).ToArray();
    }

    [Theory]
    [InlineData(1000, 1L << 20, 0)]   // fits in memory
    [InlineData(1000, 16 * 100, 10)]  // 100 records per run
    [InlineData(5000, 16 * 16, 313)]  // more runs than the fan-in: multi-pass merge
    public void Complete_AnyBudget_GivesTheSortedRecords(int count, long budget, int expectedRuns)
    {
        using var dir = new TempDir();
        var records = Random(count, 7);
        using var sorter = new ExternalSorter<BandRecord>(dir.File("spill"), budget);
        foreach (var r in records) sorter.Add(r);
        long written = sorter.Complete(dir.File("out.bin"));
        Assert.Equal(count, written);
        Assert.Equal(expectedRuns, sorter.SpilledRuns);
        Assert.Equal(records.Order().ToArray(), RecordFile.ReadAll<BandRecord>(dir.File("out.bin")));
        Assert.Empty(Directory.Exists(dir.File("spill")) ? Directory.GetFiles(dir.File("spill")) : []);
    }

    [Fact]
    public void Reader_TruncatedFile_ThrowsNamingFileAndOffset()
    {
        using var dir = new TempDir();
        string path = dir.File("r.bin");
        RecordFile.Write(path, Random(10, 1));
        using (var fs = new FileStream(path, FileMode.Open)) fs.SetLength(fs.Length - 5);
        var e = Assert.Throws<InvalidDataException>(() => new RecordReader<BandRecord>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("byte offset 8", e.Message);
    }

    [Fact]
    public void Reader_WrongRecordType_Throws()
    {
        using var dir = new TempDir();
        string path = dir.File("r.bin");
        RecordFile.Write(path, Random(10, 1));
        var e = Assert.Throws<InvalidDataException>(() => new RecordReader<SegmentRef>(path));
        Assert.Contains("record size", e.Message);
    }

    [Fact]
    public void Merge_UnsortedInput_Throws()
    {
        using var dir = new TempDir();
        string path = dir.File("u.bin");
        RecordFile.Write(path, [new BandRecord(5, 0, 0), new BandRecord(1, 0, 1)]);
        using var reader = new RecordReader<BandRecord>(path);
        var e = Assert.Throws<InvalidDataException>(() => SortedMerge.Merge([reader]).ToList());
        Assert.Contains("not sorted", e.Message);
    }
}
