using System.Text.Json.Nodes;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Writing;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Writer choices: dictionary where it pays, statistics DuckDB agrees with, byte-sized row groups, errors.</summary>
public class WriterBehaviourTests
{
    [Fact]
    public void Write_LowCardinalityColumn_DictionaryEncoded_UniqueTextPlain()
    {
        using var tmp = new TempDir("pq-w");
        var path = WriterRoundTripTests.WriteSample(tmp.File("s.parquet"), new ParquetWriterOptions());
        using var reader = ParquetFileReader.Open(path);
        var cols = reader.Metadata.RowGroups[0].Columns;
        Assert.Contains(ParquetEncoding.RleDictionary, cols.Single(c => c.PathInSchema[0] == "lang").Encodings);
        Assert.DoesNotContain(ParquetEncoding.RleDictionary, cols.Single(c => c.PathInSchema[0] == "text").Encodings);
        Assert.Equal(CompressionCodec.Zstd, cols[0].Codec);
    }

    [Fact]
    public void Write_RowGroupBytes_BoundsEachRowGroup()
    {
        using var tmp = new TempDir("pq-w");
        var path = tmp.File("g.parquet");
        using (var w = ParquetFileWriter.Create(path, [new("text", ParquetColumnType.String)], new ParquetWriterOptions { RowGroupBytes = 256 << 10 }))
        {
            for (var i = 0; i < 4000; i++) w.WriteRowValues(new string((char)('a' + i % 26), 500));
            Assert.InRange(w.BufferedBytes, 0, (256 << 10) + 64 * 600);
            Assert.True(w.BytesWritten > 4, "closed row groups are on the output");
            w.Complete();
        }
        using var reader = ParquetFileReader.Open(path);
        Assert.InRange(reader.RowGroupCount, 7, 9);
        Assert.All(reader.Metadata.RowGroups, rg => Assert.InRange(rg.TotalByteSize, 1, (256 << 10) + 64 * 600 + 4096));
        Assert.Equal(4000, reader.ReadRows().Count());
    }

    [Fact]
    public void Write_Statistics_DuckDbReadsTheSameMinMaxNulls()
    {
        using var tmp = new TempDir("pq-w");
        var path = WriterRoundTripTests.WriteSample(tmp.File("s.parquet"), new ParquetWriterOptions { RowGroupBytes = 96 << 10 });
        var run = ProcessRunner.Node(RepoPaths.Fixture("parquet", "read_with_peers.mjs"), ["--stats", path], TimeSpan.FromMinutes(2)).EnsureSuccess();
        var stats = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .Single(n => (string?)n["reader"] == "duckdb-stats")["rows"]!.AsArray();
        using var reader = ParquetFileReader.Open(path);
        var rowStart = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var n = (int)reader.Metadata.RowGroups[g].NumRows;
            var rows = Enumerable.Range((int)rowStart, n).Select(WriterRoundTripTests.Row).ToList();
            var ids = rows.Select(r => (long)r[0]!).ToList();
            var langs = rows.Select(r => (string?)r[2]).ToList();
            var idStats = stats.Single(s => (string?)s!["row_group_id"] == g.ToString() && (string?)s!["path_in_schema"] == "id")!;
            Assert.Equal(ids.Min().ToString(), (string?)idStats["stats_min_value"]);
            Assert.Equal(ids.Max().ToString(), (string?)idStats["stats_max_value"]);
            var langStats = stats.Single(s => (string?)s!["row_group_id"] == g.ToString() && (string?)s!["path_in_schema"] == "lang")!;
            Assert.Equal(langs.Count(l => l is null).ToString(), (string?)langStats["stats_null_count"]);
            Assert.Equal(langs.Where(l => l is not null).Min(StringComparer.Ordinal), (string?)langStats["stats_min_value"]);
            Assert.Equal(langs.Where(l => l is not null).Max(StringComparer.Ordinal), (string?)langStats["stats_max_value"]);
            rowStart += n;
        }
    }

    [Fact]
    public void Write_ZeroRows_ValidFileEveryReaderAccepts()
    {
        using var tmp = new TempDir("pq-w");
        var path = tmp.File("empty.parquet");
        using (var w = ParquetFileWriter.Create(path, WriterRoundTripTests.Columns)) w.Complete();
        using (var reader = ParquetFileReader.Open(path))
        {
            Assert.Equal(0, reader.RowCount);
            Assert.Equal(WriterRoundTripTests.Columns.Length, reader.Schema.Fields.Count);
        }
        var run = ProcessRunner.Node(RepoPaths.Fixture("parquet", "read_with_peers.mjs"), [path], TimeSpan.FromMinutes(2)).EnsureSuccess();
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal("[]", l["rows"]?.ToJsonString() ?? l["error"]!.ToString()));
    }

    [Fact]
    public void WriteRow_WrongValueType_ArgumentErrorNamingTheColumn()
    {
        using var ms = new MemoryStream();
        using var w = new ParquetFileWriter(ms, [new("id", ParquetColumnType.Int64, Nullable: false), new("text", ParquetColumnType.String)]);
        Assert.Contains("'id'", Assert.Throws<ArgumentException>(() => w.WriteRowValues("x", "y")).Message);
        Assert.Contains("'id'", Assert.Throws<ArgumentException>(() => w.WriteRowValues(null, "y")).Message);
        Assert.Throws<ArgumentException>(() => w.WriteRowValues(1L));
    }

    [Fact]
    public void Options_UnsupportedCodec_Rejected() =>
        Assert.Throws<ArgumentException>(() => new ParquetFileWriter(new MemoryStream(), [new("a", ParquetColumnType.Int32)],
            new ParquetWriterOptions { Compression = CompressionCodec.Brotli }));
}
