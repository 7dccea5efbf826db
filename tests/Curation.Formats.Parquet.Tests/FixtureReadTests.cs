using Curation.Formats.Parquet.Json;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Every file written by DuckDB, parquet-wasm (arrow-rs) and hyparquet-writer reads back exactly as DuckDB exports it.</summary>
public class FixtureReadTests
{
    [Theory]
    [MemberData(nameof(Fixtures.Tags), MemberType = typeof(Fixtures))]
    public void ParquetJson_Fixture_MatchesDuckDbJsonExportByteForByte(string tag)
    {
        using var ms = new MemoryStream();
        var rows = ParquetJson.WriteJsonLines(Fixtures.File(tag), ms);
        var actual = System.Text.Encoding.UTF8.GetString(ms.ToArray()).Split('\n');
        var expected = File.ReadAllText(Fixtures.ExpectedJson(tag)).Split('\n');
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == actual[i], $"{tag} row {i}:\nexpected {expected[i]}\nactual   {actual[i]}");
        Assert.Equal(expected.Length - 1, rows);
    }

    [Theory]
    [MemberData(nameof(Fixtures.Tags), MemberType = typeof(Fixtures))]
    public void ReadRowGroup_ProjectionOfText_DecodesOnlyTheTextLeaf(string tag)
    {
        using var reader = ParquetFileReader.Open(Fixtures.File(tag));
        var text = reader.Schema.Field("text");
        if (text is null) return;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var data = reader.ReadRowGroup(g, [text]);
            for (var li = 0; li < reader.Schema.Leaves.Count; li++)
                Assert.Equal(li == text.LeafIndex, data.Column(li) is not null);
            Assert.Equal(data.NumRows, data.Column("text").LevelCount);
        }
    }
}
