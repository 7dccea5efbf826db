using System.Text.Json.Nodes;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Writing;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Files Curation writes are read back with identical values by DuckDB, hyparquet, parquet-wasm and Curation itself.</summary>
public class WriterRoundTripTests
{
    internal static readonly ParquetColumnSpec[] Columns =
    [
        new("id", ParquetColumnType.Int64, Nullable: false),
        new("text", ParquetColumnType.String),
        new("lang", ParquetColumnType.String),
        new("score", ParquetColumnType.Double),
        new("qf", ParquetColumnType.Float),
        new("n", ParquetColumnType.Int32),
        new("flag", ParquetColumnType.Boolean),
        new("raw", ParquetColumnType.Binary),
        new("ts", ParquetColumnType.Timestamp),
        new("day", ParquetColumnType.Date),
        new("token_ids", ParquetColumnType.Int32, IsList: true),
        new("tags", ParquetColumnType.String, IsList: true),
    ];

    internal static object?[] Row(int i) =>
    [
        (long)i * 2654435761L - (i % 3 == 0 ? 9_007_199_254_740_993L : 0),
        i % 17 == 0 ? "" : $"doc {i}: Ünïcødé ✓ \"q\" \\ \n𝄞 " + new string('x', i % 300),
        i % 7 == 0 ? null : new[] { "en", "de", "fr" }[i % 3],
        i % 11 == 0 ? null : (object)((i - 500) / 7.0),
        (float)(i % 100) / 3,
        i % 5 == 0 ? null : (object)(i - 1000),
        i % 13 == 0 ? null : (object)(i % 2 == 0),
        i % 9 == 0 ? null : new[] { (byte)i, (byte)0, (byte)255 },
        i % 10 == 0 ? null : (object)new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(i * 3_600_123L),
        DateOnly.FromDayNumber(737_000 + i),
        i % 6 == 0 ? null : Enumerable.Range(0, i % 9).Select(x => (object?)(x * i % 4096)).ToList(),
        i % 8 == 0 ? null : Enumerable.Range(0, i % 4).Select(x => x == 1 ? null : (object?)$"t{x}").ToList(),
    ];

    internal const int RowCountForTests = 3000;

    internal static string WriteSample(string path, ParquetWriterOptions options)
    {
        using (var w = ParquetFileWriter.Create(path, Columns, options))
        {
            for (var i = 0; i < RowCountForTests; i++) w.WriteRow(Row(i));
            w.Complete();
        }
        return path;
    }

    private static readonly ParquetWriterOptions Small = new() { RowGroupBytes = 96 << 10, PageBytes = 8 << 10 };

    public static IEnumerable<object[]> Variants() =>
    [
        ["zstd", Small],
        ["snappy", Small with { Compression = CompressionCodec.Snappy }],
        ["gzip", Small with { Compression = CompressionCodec.Gzip }],
        ["none-nodict-pageindex", Small with { Compression = CompressionCodec.Uncompressed, Dictionary = false, WritePageIndex = true }],
    ];

    [Fact]
    public void PeersRead_EveryVariant_IdenticalValues()
    {
        using var tmp = new TempDir("pq-rt");
        var files = Variants().Select(v => WriteSample(tmp.File((string)v[0] + ".parquet"), (ParquetWriterOptions)v[1])).ToList();
        var result = ProcessRunner.Node(RepoPaths.Fixture("parquet", "read_with_peers.mjs"), files, TimeSpan.FromMinutes(3)).EnsureSuccess();
        var expected = new JsonArray(Enumerable.Range(0, RowCountForTests).Select(i =>
        {
            var row = Row(i);
            var o = new JsonObject();
            for (var c = 0; c < Columns.Length; c++) o[Columns[c].Name] = PeerCanonical.Of(row[c]);
            return (JsonNode)o;
        }).ToArray()).ToJsonString();
        var seen = 0;
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var node = JsonNode.Parse(line)!;
            var label = $"{Path.GetFileName((string)node["file"]!)} read by {node["reader"]}";
            Assert.True(node["error"] is null, $"{label}: {node["error"]}");
            var rows = node["rows"]!.ToJsonString();
            if (rows != expected) Assert.Fail($"{label}: first difference at {FirstDifference(expected, rows)}");
            seen++;
        }
        Assert.Equal(files.Count * 3, seen);
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var from = Math.Max(0, i - 200);
        return $"char {i}\nexpected …{a[from..Math.Min(a.Length, i + 100)]}\nactual   …{b[from..Math.Min(b.Length, i + 100)]}";
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void CurationReads_WhatItWrote_SameValues(string name, ParquetWriterOptions options)
    {
        using var tmp = new TempDir("pq-self");
        var path = WriteSample(tmp.File(name + ".parquet"), options);
        using var reader = ParquetFileReader.Open(path);
        Assert.Equal(RowCountForTests, reader.RowCount);
        Assert.True(reader.RowGroupCount > 1, "small row groups must split the file");
        var i = 0;
        foreach (var row in reader.ReadRows())
        {
            var expected = Row(i);
            for (var c = 0; c < Columns.Length; c++)
                Assert.Equal(PeerCanonical.Of(expected[c])?.ToJsonString(), PeerCanonical.Of(row[c] is ParquetStruct ? null : row[c])?.ToJsonString());
            i++;
        }
        Assert.Equal(RowCountForTests, i);
    }
}
