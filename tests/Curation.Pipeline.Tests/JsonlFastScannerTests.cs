using System.Text;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Pipeline.Tests;

/// <summary>
/// The fast scanner against the reference parser (<see cref="JsonlRecordParser.TryParseReference"/>): whatever the
/// scanner accepts must be exactly the reference's document, and the combined parser must answer exactly as the
/// reference on every line, valid or not.
/// </summary>
public class JsonlFastScannerTests
{
    private static readonly SourceRef Src = new("f.jsonl", 7, 123);

    /// <summary>What a parser made of one line: a document, an error, or an exception.</summary>
    private sealed record Outcome(bool Ok, Document? Doc, string? Kind, string? Message, string? Exception);

    private static Outcome Run(Func<(bool, Document?, string?, string?)> parse)
    {
        try
        {
            var (ok, d, k, m) = parse();
            return new Outcome(ok, d, k, m, null);
        }
        catch (Exception e)
        {
            return new Outcome(false, null, null, null, e.GetType().FullName + ": " + e.Message);
        }
    }

    private static Outcome Reference(JsonlRecordParser p, byte[] line) =>
        Run(() => (p.TryParseReference(line, "f.jsonl/3", Src, out var d, out var k, out var m), d, k, m));

    private static Outcome Combined(JsonlRecordParser p, byte[] line) =>
        Run(() => (p.TryParse(line, "f.jsonl/3", Src, out var d, out var k, out var m), d, k, m));

    private static void AssertSameDocument(Document expected, Document actual, byte[] line)
    {
        var ctx = Encoding.UTF8.GetString(line);
        Assert.True(expected.Id == actual.Id, $"id differs for {ctx}");
        Assert.True(expected.Text == actual.Text, $"text differs for {ctx}");
        Assert.Equal(expected.Source, actual.Source);
        Assert.True(expected.Metadata.Count == actual.Metadata.Count, $"metadata count differs for {ctx}");
        for (var i = 0; i < expected.Metadata.Count; i++)
        {
            Assert.True(expected.Metadata[i].Key == actual.Metadata[i].Key, $"metadata key {i} differs for {ctx}");
            // MetaValue equality compares kind, raw bits (so -0.0 differs from 0.0) and text ordinally.
            Assert.True(expected.Metadata[i].Value == actual.Metadata[i].Value,
                $"metadata {expected.Metadata[i].Key}: {expected.Metadata[i].Value.Kind} {expected.Metadata[i].Value} vs {actual.Metadata[i].Value.Kind} {actual.Metadata[i].Value} for {ctx}");
        }
    }

    private static void AssertSameOutcome(Outcome expected, Outcome actual, byte[] line)
    {
        var ctx = Encoding.UTF8.GetString(line);
        Assert.True(expected.Ok == actual.Ok, $"success differs ({expected.Kind}: {expected.Message} / {expected.Exception}) for {ctx}");
        Assert.True(expected.Kind == actual.Kind, $"kind differs for {ctx}");
        Assert.True(expected.Message == actual.Message, $"message differs for {ctx}");
        Assert.True(expected.Exception == actual.Exception, $"exception differs for {ctx}");
        if (expected.Ok) AssertSameDocument(expected.Doc!, actual.Doc!, line);
    }

    [Theory]
    [InlineData(1, "text", "id")]
    [InlineData(2, "text", "id")]
    [InlineData(3, "content", "url")]
    public void RandomLines_FastPathAndReferenceAgree(int seed, string textKey, string idKey)
    {
        var gen = new JsonlLineGenerator(seed);
        var reference = new JsonlRecordParser(textKey, idKey);
        var combined = new JsonlRecordParser(textKey, idKey);
        var scanner = new JsonlFastScanner(textKey, idKey);
        int valid = 0, fast = 0, invalid = 0, fastOnValid = 0;
        var missed = new List<string>(); // a few valid lines the fast path left, to show when the share is too low
        for (var n = 0; n < 6000; n++)
        {
            var line = gen.Line(mutate: true);
            if (textKey != "text") line = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line).Replace("\"text\"", $"\"{textKey}\"").Replace("\"id\"", $"\"{idKey}\""));
            var expected = Reference(reference, line);
            if (scanner.TryParse(line, "f.jsonl/3", Src, out var doc))
            {
                fast++;
                Assert.True(expected.Ok, $"fast path accepted what the reference rejects ({expected.Kind}: {expected.Message} {expected.Exception}): {Encoding.UTF8.GetString(line)}");
                AssertSameDocument(expected.Doc!, doc!, line);
            }
            if (expected.Ok) valid++; else invalid++;
            if (expected.Ok && doc is not null) fastOnValid++;
            else if (expected.Ok && missed.Count < 5) missed.Add(Encoding.UTF8.GetString(line));
            AssertSameOutcome(expected, Combined(combined, line), line);
        }
        // Both sides of the comparison must be well exercised, and the fast path must carry the valid records.
        Assert.True(invalid > 1000, $"only {invalid} invalid lines");
        Assert.True(valid > 2000, $"only {valid} valid lines");
        Assert.True(fastOnValid > valid * 0.85, $"fast path took {fastOnValid} of {valid} valid lines, e.g.\n" + string.Join("\n", missed));
        Assert.Equal(fast, combined.FastPathRecords);
    }

    [Theory]
    [InlineData("""{"id":"x1","text":"héllo","metadata":{"score":0.5,"n":3},"domain":"news","tags":["a","b"],"big":9007199254740993}""")]
    [InlineData("""{"text":"a\nb\"c\\d\/e\bf\fg\rh\ti\u00e9\u4E2D\uD83D\uDE00 \u0000"}""")]
    [InlineData(""" { "text" : "t" , "id" : 42 , "metadata" : { } } """)]
    [InlineData("{\"text\":\"t\",\t\"id\":-0,\r\"x\":-0.0}")]
    [InlineData("""{"text":"t","id":null,"a":[],"b":{},"c":[{"d":[1,2.5e-3,true,false,null,"\ud800"]}]}""")]
    [InlineData("""{"text":"t","id":[1,2],"metadata":"not an object","n":1e5,"m":9223372036854775808}""")]
    [InlineData("""{"text":"first","text":"second","k":1,"k":2,"metadata":{"k":3}}""")]
    [InlineData("""{"text":"","id":""}""")]
    public void OrdinaryRecords_TakeTheFastPath_AndMatchTheReference(string json)
    {
        var line = Encoding.UTF8.GetBytes(json);
        var expected = Reference(new JsonlRecordParser(), line);
        Assert.True(expected.Ok);
        Assert.True(new JsonlFastScanner().TryParse(line, "f.jsonl/3", Src, out var doc));
        AssertSameDocument(expected.Doc!, doc!, line);
    }

    [Fact]
    public void LongTextCrossingVectorWidths_IsDecodedExactly()
    {
        foreach (var len in new[] { 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 70_000 })
        {
            foreach (var unit in new[] { "a", "é", "中", "😀", "\\n", "a\\u00e9" })
            {
                var body = string.Concat(Enumerable.Repeat(unit, len));
                var line = Encoding.UTF8.GetBytes("{\"text\":\"" + body + "\",\"id\":\"i\"}");
                var expected = Reference(new JsonlRecordParser(), line);
                Assert.True(new JsonlFastScanner().TryParse(line, "f.jsonl/3", Src, out var doc), $"{unit} x {len}");
                AssertSameDocument(expected.Doc!, doc!, line);
            }
        }
    }

    [Theory]
    [InlineData("""{"text":"lone \ud800 surrogate"}""", MalformedKinds.InvalidUnicode)]
    [InlineData("""{"text":"lone \udc00"}""", MalformedKinds.InvalidUnicode)]
    [InlineData("""{"text":"t","id":"\ud800\u0041"}""", MalformedKinds.InvalidUnicode)]
    [InlineData("""{"text":"t","k":"\uDE00"}""", MalformedKinds.InvalidUnicode)]
    [InlineData("{\"text\":\"raw\tcontrol\"}", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t",}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":[1,]}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":01}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":1.}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":-}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":tru}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":truex}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":{"b" 1}}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":"\x"}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t","a":["\u12"]}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t"} {}""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":"t"}x""", MalformedKinds.InvalidJson)]
    [InlineData("""{"text":5,"id":"a"}""", MalformedKinds.TextNotString)]
    [InlineData("""{"id":"a","url":"u"}""", MalformedKinds.MissingText)]
    [InlineData("""{}""", MalformedKinds.MissingText)]
    [InlineData("""[{"text":"t"}]""", MalformedKinds.NotAnObject)]
    public void Malformed_IsLeftToTheReference_WithItsKindAndMessage(string json, string kind)
    {
        var line = Encoding.UTF8.GetBytes(json);
        Assert.False(new JsonlFastScanner().TryParse(line, "f.jsonl/3", Src, out _));
        var expected = Reference(new JsonlRecordParser(), line);
        Assert.Equal(kind, expected.Kind);
        AssertSameOutcome(expected, Combined(new JsonlRecordParser(), line), line);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 })]
    [InlineData(new byte[] { 0xFF })]
    public void InvalidUtf8_InTextKeyOrNestedValue_IsLeftToTheReference(byte[] bad)
    {
        foreach (var (pre, post) in new[] { ("{\"text\":\"ab", "cd\"}"), ("{\"text\":\"t\",\"k", "\":1}"), ("{\"text\":\"t\",\"k\":[\"", "\"]}"), ("{\"text\":\"t\",\"k\":\"", "\"}") })
        {
            var line = Encoding.UTF8.GetBytes(pre).Concat(bad).Concat(Encoding.UTF8.GetBytes(post)).ToArray();
            Assert.False(new JsonlFastScanner().TryParse(line, "f.jsonl/3", Src, out _));
            var expected = Reference(new JsonlRecordParser(), line);
            Assert.Equal(MalformedKinds.InvalidUtf8, expected.Kind);
            AssertSameOutcome(expected, Combined(new JsonlRecordParser(), line), line);
        }
    }

    [Fact]
    public void DeepNesting_BeyondTheScannerLimit_StillMatchesTheReference()
    {
        foreach (var depth in new[] { 30, 40, 70 })
        {
            var line = Encoding.UTF8.GetBytes("{\"text\":\"t\",\"a\":" + new string('[', depth) + new string(']', depth) + "}");
            AssertSameOutcome(Reference(new JsonlRecordParser(), line), Combined(new JsonlRecordParser(), line), line);
        }
    }
}
