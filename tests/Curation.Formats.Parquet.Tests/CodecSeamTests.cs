using Curation.Formats.Parquet.Writing;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>The seam the pipeline uses: documents with id, text and a JSON metadata column, written and read back.</summary>
public class CodecSeamTests
{
    [Fact]
    public void Documents_WriteThenReadProjection_SameIdsTextsMetadata()
    {
        using var tmp = new TempDir("pq-seam");
        var path = tmp.File("docs.parquet");
        IParquetCodec codec = CurationParquetCodec.Instance;
        var docs = Enumerable.Range(0, 1000).Select(i => (Id: $"doc-{i}", Text: $"text {i} " + new string('é', i % 50), Meta: $"{{\"score\":{i / 4.0},\"tags\":[\"a{i % 3}\"]}}")).ToList();
        using (var w = codec.CreateWriter(path, [new("id", ParquetColumnType.String, Nullable: false), new("text", ParquetColumnType.String), new("metadata", ParquetColumnType.Json)]))
        {
            foreach (var d in docs) w.WriteRowValues(d.Id, d.Text, d.Meta);
            w.Complete();
        }
        var rows = codec.ReadRows(path, ["text", "id"]).ToList();
        Assert.Equal(docs.Select(d => d.Text), rows.Select(r => (string)r[0]!));
        Assert.Equal(docs.Select(d => d.Id), rows.Select(r => (string)r[1]!));
        var info = codec.Inspect(path);
        Assert.Equal(["id VARCHAR NOT NULL", "text VARCHAR", "metadata JSON"], info.Columns.Select(c => $"{c.Name} {c.Type}{(c.Nullable ? "" : " NOT NULL")}"));
        using var ms = new MemoryStream();
        Assert.Equal(1000, codec.WriteJsonLines(path, ms, ["id", "metadata"]));
        var first = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n')[1];
        Assert.Equal("{\"id\":\"doc-1\",\"metadata\":{\"score\":0.25,\"tags\":[\"a1\"]}}", first);
    }
}
