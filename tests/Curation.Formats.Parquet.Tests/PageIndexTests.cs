using System.Buffers.Binary;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Writing;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>The optional page index: offsets point at data page headers, rows and per-page min/max/null counts are right.</summary>
public class PageIndexTests
{
    [Fact]
    public void WritePageIndex_OffsetAndColumnIndexes_DescribeEveryDataPage()
    {
        using var tmp = new TempDir("pq-pi");
        var path = WriterRoundTripTests.WriteSample(tmp.File("pi.parquet"),
            new ParquetWriterOptions { WritePageIndex = true, PageBytes = 4 << 10, RowGroupBytes = 200 << 10 });
        var file = File.ReadAllBytes(path);
        using var reader = ParquetFileReader.Open(path);
        long firstRowOfGroup = 0;
        var idLeaf = reader.Schema.Field("id")!.LeafIndex;
        var langLeaf = reader.Schema.Field("lang")!.LeafIndex;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var rows = reader.Metadata.RowGroups[g].NumRows;
            for (var leaf = 0; leaf < reader.Schema.Leaves.Count; leaf++)
            {
                var locations = reader.ReadOffsetIndex(g, leaf)!;
                Assert.NotEmpty(locations);
                Assert.Equal(0, locations[0].FirstRowIndex);
                Assert.True(locations.Zip(locations.Skip(1)).All(p => p.Second.FirstRowIndex > p.First.FirstRowIndex && p.Second.Offset == p.First.Offset + p.First.CompressedPageSize));
                foreach (var loc in locations)
                {
                    var h = MetadataParser.ParsePageHeader(file.AsSpan((int)loc.Offset), path, loc.Offset, out var consumed);
                    Assert.Equal(PageType.DataPage, h.Type);
                    Assert.Equal(loc.CompressedPageSize, consumed + h.CompressedSize);
                }
                var index = reader.ReadColumnIndex(g, leaf)!;
                Assert.Equal(locations.Count, index.NullPages.Count);
                if (leaf == idLeaf)
                {
                    for (var p = 0; p < locations.Count; p++)
                    {
                        var end = p + 1 < locations.Count ? locations[p + 1].FirstRowIndex : rows;
                        var ids = Enumerable.Range((int)(firstRowOfGroup + locations[p].FirstRowIndex), (int)(end - locations[p].FirstRowIndex))
                            .Select(i => (long)WriterRoundTripTests.Row(i)[0]!).ToList();
                        Assert.Equal(ids.Min(), BinaryPrimitives.ReadInt64LittleEndian(index.MinValues[p]));
                        Assert.Equal(ids.Max(), BinaryPrimitives.ReadInt64LittleEndian(index.MaxValues[p]));
                        Assert.Equal(0, index.NullCounts[p]);
                    }
                }
                if (leaf == langLeaf)
                {
                    var nulls = Enumerable.Range((int)firstRowOfGroup, (int)rows).Count(i => WriterRoundTripTests.Row(i)[2] is null);
                    Assert.Equal(nulls, index.NullCounts.Sum());
                }
            }
            firstRowOfGroup += rows;
        }
    }

    [Fact]
    public void ReadOffsetIndex_FileWithout_Null()
    {
        using var reader = ParquetFileReader.Open(Fixtures.File("duckdb_zstd"));
        Assert.Null(reader.ReadOffsetIndex(0, 0));
        Assert.Null(reader.ReadColumnIndex(0, 0));
    }
}
