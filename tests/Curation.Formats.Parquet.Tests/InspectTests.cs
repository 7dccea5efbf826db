using System.Text.Json;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Inspection: column types as DuckDB describes them, counts, heads.</summary>
public class InspectTests
{
    private static readonly Lazy<Dictionary<string, string[]>> DuckDbSchemas = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(Fixtures.Dir, "schemas.json")))!);

    [Theory]
    [MemberData(nameof(Fixtures.Tags), MemberType = typeof(Fixtures))]
    public void Inspect_Fixture_TypesMatchDuckDbDescribe(string tag)
    {
        var info = CurationParquetCodec.Instance.Inspect(Fixtures.File(tag));
        Assert.Equal(DuckDbSchemas.Value[tag], info.Columns.Select(c => $"{c.Name} {c.Type}").ToArray());
    }

    [Fact]
    public void Run_CountAndHead_MatchTheRows()
    {
        var path = Fixtures.File("pwasm_many_groups");
        var count = new StringWriter();
        ParquetInspector.Run(path, 0, countOnly: true, schemaOnly: false, count);
        Assert.Equal("200", count.ToString().Trim());
        var head = new StringWriter();
        ParquetInspector.Run(path, 3, countOnly: false, schemaOnly: false, head);
        var expected = File.ReadAllLines(Fixtures.ExpectedJson("duckdb_many_groups")).Take(3);
        Assert.Equal(expected, head.ToString().TrimEnd('\n').Split('\n'));
        var schema = new StringWriter();
        ParquetInspector.Run(path, 0, countOnly: false, schemaOnly: true, schema);
        Assert.Contains("200 rows, 29 row groups", schema.ToString());
        Assert.Contains("  text VARCHAR", schema.ToString());
    }

    [Fact]
    public void Open_ZeroRowFile_NoRowGroupsNoRows()
    {
        using var reader = ParquetFileReader.Open(Fixtures.File("duckdb_empty"));
        Assert.Equal(0, reader.RowCount);
        Assert.Empty(reader.ReadRows());
        Assert.Equal(24, reader.Schema.Fields.Count);
    }

    [Fact]
    public void ReadRows_UnknownColumn_NamesTheAvailableOnes()
    {
        using var reader = ParquetFileReader.Open(Fixtures.File("hypw_none"));
        var e = Assert.Throws<KeyNotFoundException>(() => reader.ReadRows(["body"]).First());
        Assert.Contains("id, url, source", e.Message);
    }

    [Fact]
    public void ReadRows_NestedValues_TypedAsListsStructsMaps()
    {
        using var reader = ParquetFileReader.Open(Fixtures.File("duckdb_zstd_v2"));
        var row = reader.ReadRows(["id", "meta", "nested", "attrs", "ts", "day", "bigdec"]).Skip(1).First();
        Assert.Equal(1L, row[0]);
        var meta = Assert.IsType<ParquetStruct>(row[1]);
        Assert.Equal(0.1, meta["quality"]);
        Assert.Equal("x1", meta["lang"]);
        var nested = Assert.IsType<List<object?>>(row[2]);
        Assert.Equal(3, nested.Count);
        Assert.Null(nested[2]);
        var attrs = Assert.IsType<ParquetMap>(row[3]);
        Assert.Equal(new KeyValuePair<object?, object?>("k1", 1L), attrs[0]);
        Assert.Equal(new DateTime(2024, 1, 1, 1, 0, 1), row[4]);
        Assert.Equal(new DateOnly(2020, 2, 29), row[5]);
        Assert.Equal(9776540032.500000m, row[6]);
        Assert.Equal("{\"quality\":0.1,\"dup\":false,\"lang\":\"x1\"}", Json.ParquetJson.ToJson(meta));
    }
}
