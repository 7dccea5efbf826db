using System.Text;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Pipeline.Tests;

public class JsonlRecordParserTests
{
    private static (Document? Doc, string? Kind, string? Msg) Parse(string line, string textKey = "text")
    {
        var p = new JsonlRecordParser(textKey);
        p.TryParse(Encoding.UTF8.GetBytes(line), "f/0", new SourceRef("f", 1), out var d, out var k, out var m);
        return (d, k, m);
    }

    [Fact]
    public void Record_WithMetadataObjectAndExtraKeys_MergesBothIntoMetadata()
    {
        var (d, _, _) = Parse("""{"id":"x1","text":"héllo","metadata":{"score":0.5,"n":3},"domain":"news","tags":["a","b"],"big":9007199254740993}""");
        Assert.NotNull(d);
        Assert.Equal("x1", d!.Id);
        Assert.Equal("héllo", d.Text);
        Assert.Equal(0.5, d.Metadata.Get("score").AsDouble);
        Assert.Equal(3, d.Metadata.Get("n").AsLong);
        Assert.Equal("news", d.Metadata.GetString("domain"));
        Assert.Equal("""["a","b"]""", d.Metadata.Get("tags").AsJson);
        Assert.Equal(9007199254740993L, d.Metadata.Get("big").AsLong); // 64-bit integers stay exact
    }

    [Fact]
    public void DuplicateKeys_LaterValueWins_InTheFirstKeysPlace()
    {
        // Both parsers share Metadata.FromPairs, so this is checked against hand-written expectations, not each other.
        var line = """{"a":1,"text":"first","b":2,"text":"second","a":3,"metadata":{"b":4,"c":5}}""";
        var p = new JsonlRecordParser();
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.True(p.TryParse(bytes, "f/0", new SourceRef("f", 1), out var fast, out _, out _));
        Assert.True(p.TryParseReference(bytes, "f/0", new SourceRef("f", 1), out var reference, out _, out _));
        foreach (var d in new[] { fast!, reference! })
        {
            Assert.Equal("second", d.Text);
            Assert.Equal(["a", "b", "c"], d.Metadata.Select(kv => kv.Key));
            Assert.Equal([3L, 4L, 5L], d.Metadata.Select(kv => kv.Value.AsLong));
        }
        Assert.Equal(1, p.FastPathRecords);
    }

    [Fact]
    public void NumericId_AndMissingId_AreHandled()
    {
        Assert.Equal("42", Parse("""{"id":42,"text":"t"}""").Doc!.Id);
        Assert.Equal("f/0", Parse("""{"text":"t"}""").Doc!.Id);
    }

    [Fact]
    public void MissingText_NamesTheAvailableKeys()
    {
        var (d, k, m) = Parse("""{"id":"a","content":"x","url":"u"}""");
        Assert.Null(d);
        Assert.Equal(MalformedKinds.MissingText, k);
        Assert.Contains("content", m);
        Assert.Contains("url", m);
        Assert.Contains("text_key", m);
    }

    [Fact]
    public void ConfiguredTextKey_IsUsed() => Assert.Equal("x", Parse("""{"content":"x"}""", "content").Doc!.Text);

    [Theory]
    [InlineData("{\"text\": \"unterminated}", MalformedKinds.InvalidJson)]
    [InlineData("[1,2,3]", MalformedKinds.NotAnObject)]
    [InlineData("{\"text\": 5}", MalformedKinds.TextNotString)]
    [InlineData("{\"text\": \"a\"} trailing", MalformedKinds.InvalidJson)]
    [InlineData("{\"text\": \"lone \\ud800 surrogate\"}", MalformedKinds.InvalidUnicode)]
    public void Malformed_IsClassified(string line, string kind) => Assert.Equal(kind, Parse(line).Kind);

    [Fact]
    public void InvalidUtf8_IsClassifiedWithItsOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"text\":\"ab").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var p = new JsonlRecordParser();
        Assert.False(p.TryParse(bytes, "f/0", new SourceRef("f", 1), out _, out var k, out var m));
        Assert.Equal(MalformedKinds.InvalidUtf8, k);
        Assert.Contains("byte 11", m);
    }
}
