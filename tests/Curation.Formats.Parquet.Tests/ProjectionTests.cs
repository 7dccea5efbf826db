using Curation.Formats.Parquet.Reading;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Column projection never touches the bytes of unprojected columns.</summary>
public class ProjectionTests
{
    [Theory]
    [InlineData("duckdb_zstd")]
    [InlineData("pwasm_zstd")]
    [InlineData("hypw_snappy")]
    public void ReadRows_TextOnly_SucceedsWhenEveryOtherChunkIsDestroyed(string tag)
    {
        using var tmp = new TempDir("pq-proj");
        var path = tmp.File("damaged.parquet");
        var bytes = File.ReadAllBytes(Fixtures.File(tag));
        List<string?> expected;
        int textLeaf;
        using (var reader = ParquetFileReader.Open(Fixtures.File(tag)))
        {
            expected = reader.ReadRows(["text"]).Select(r => (string?)r[0]).ToList();
            textLeaf = reader.Schema.Field("text")!.LeafIndex;
            foreach (var rg in reader.Metadata.RowGroups)
                for (var c = 0; c < rg.Columns.Count; c++)
                    if (c != textLeaf)
                        bytes.AsSpan((int)rg.Columns[c].StartOffset, (int)rg.Columns[c].TotalCompressedSize).Fill(0xEE);
        }
        File.WriteAllBytes(path, bytes);
        using var damaged = ParquetFileReader.Open(path);
        Assert.Equal(expected, damaged.ReadRows(["text"]).Select(r => (string?)r[0]).ToList());
        Assert.Throws<CorruptDataException>(() => damaged.ReadRows(["id"]).ToList());
    }
}
