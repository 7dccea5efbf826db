using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Testing;

namespace Curation.Rephrase.Tests;

public sealed class PromptTemplateTests
{
    [Fact]
    public void BuiltIns_AllNamesResolve_WithDistinctHashesAndOnePlaceholder()
    {
        var templates = BuiltInTemplates.Names.Select(BuiltInTemplates.Get).ToList();
        Assert.Equal(["rewire", "wrap-wikipedia", "wrap-qa", "wrap-easy", "wrap-hard"], templates.Select(t => t.Id).ToArray());
        Assert.Equal(templates.Count, templates.Select(t => t.Hash).Distinct().Count());
        Assert.All(templates, t => Assert.Equal(32, t.Hash.Length));
        var error = Assert.Throws<ArgumentException>(() => BuiltInTemplates.Get("wrap-poetry"));
        Assert.Contains("wrap-wikipedia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewire_FollowsThePublishedStructure()
    {
        var t = BuiltInTemplates.Rewire;
        var prompt = t.Render("DRAFT TEXT");
        Assert.EndsWith("Original Draft: DRAFT TEXT", prompt, StringComparison.Ordinal);
        Assert.Contains("<thinking starts>", prompt, StringComparison.Ordinal);
        Assert.Contains("<thinking ends>", prompt, StringComparison.Ordinal);
        Assert.Contains("<improved response starts>", prompt, StringComparison.Ordinal);
        Assert.Contains("<improved response ends>", prompt, StringComparison.Ordinal);
        Assert.Contains("IMPORTANT", prompt, StringComparison.Ordinal);
        Assert.Null(t.System);
    }

    [Fact]
    public void Render_DocumentContainingPlaceholder_IsInsertedVerbatim()
    {
        var t = new PromptTemplate("t", "1", "A {document} B");
        Assert.Equal("A x {document} y B", t.Render("x {document} y"));
    }

    [Fact]
    public void ExtractOutput_TakesLastClosedPairBetweenTags()
    {
        var t = BuiltInTemplates.Rewire;
        var response = "<thinking starts>I must use <improved response starts> tags<thinking ends>\n<improved response starts>\n  The answer.\n<improved response ends> trailing";
        Assert.Equal("The answer.", t.ExtractOutput(response));
    }

    [Theory]
    [InlineData("no tags at all")]
    [InlineData("<improved response starts> never closed")]
    [InlineData("<improved response ends> only the end")]
    public void ExtractOutput_WithoutTags_IsPermanentMissingOutputTags(string response)
    {
        var error = Assert.Throws<RequestFailedException>(() => BuiltInTemplates.Rewire.ExtractOutput(response));
        Assert.Equal(FailureReasons.MissingOutputTags, error.Reason);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void ExtractOutput_EmptyBetweenTags_IsEmptyOutput()
    {
        var error = Assert.Throws<RequestFailedException>(() => BuiltInTemplates.Rewire.ExtractOutput("<improved response starts>  \n<improved response ends>"));
        Assert.Equal(FailureReasons.EmptyOutput, error.Reason);
    }

    [Fact]
    public void ExtractOutput_WrapStyle_KeepsWholeTrimmedResponse() =>
        Assert.Equal("Question: a?\nAnswer: b.", BuiltInTemplates.WrapQa.ExtractOutput("\n Question: a?\nAnswer: b. \n"));

    [Fact]
    public void Hash_ChangesWithAnyWordingButNotWithEqualDefinitions()
    {
        var a = new PromptTemplate("t", "1", "Rewrite: {document}");
        Assert.Equal(a.Hash, new PromptTemplate("t", "1", "Rewrite: {document}").Hash);
        Assert.NotEqual(a.Hash, new PromptTemplate("t", "1", "Rewrite:  {document}").Hash);
        Assert.NotEqual(a.Hash, new PromptTemplate("t", "2", "Rewrite: {document}").Hash);
        Assert.NotEqual(a.Hash, new PromptTemplate("t", "1", "Rewrite: {document}", system: "s").Hash);
        Assert.NotEqual(a.Hash, new PromptTemplate("t", "1", "Rewrite: {document}", outputStart: "<a>", outputEnd: "</a>").Hash);
    }

    [Theory]
    [InlineData("no placeholder")]
    [InlineData("{document} twice {document}")]
    public void Constructor_PlaceholderNotExactlyOnce_Throws(string body) =>
        Assert.Throws<ArgumentException>(() => new PromptTemplate("t", "1", body));

    [Fact]
    public void Load_FileWithHeader_ReadsEveryField()
    {
        using var dir = new TempDir("rephrase");
        var path = dir.File("mine.txt");
        File.WriteAllText(path, "---\nid: summary\nversion: 3\n# a comment\nsystem: You summarise.\noutput_start: <out>\noutput_end: </out>\n---\nSummarise:\n{document}\n");
        var t = PromptTemplateFile.Resolve(path);
        Assert.Equal("summary@3", t.Name);
        Assert.Equal("You summarise.", t.System);
        Assert.Equal("Summarise:\nX", t.Render("X"));
        Assert.Equal("kept", t.ExtractOutput("junk <out> kept </out>"));
    }

    [Fact]
    public void Load_FileWithoutHeader_UsesFileNameAndVersion1()
    {
        using var dir = new TempDir("rephrase");
        var path = dir.File("plain-style.prompt");
        File.WriteAllText(path, "Please rewrite:\r\n{document}\r\n");
        var t = PromptTemplateFile.Load(path);
        Assert.Equal("plain-style@1", t.Name);
        Assert.Equal("Please rewrite:\nX", t.Render("X"));
    }

    [Theory]
    [InlineData("---\nid: x\n{document}", "never closed")]
    [InlineData("---\nid x\n---\n{document}", "line 2")]
    [InlineData("---\ncolour: red\n---\n{document}", "unknown key 'colour'")]
    [InlineData("---\nid: a\nid: b\n---\n{document}", "given twice")]
    [InlineData("---\noutput_start: <a>\n---\n{document}", "both output tags")]
    [InlineData("no placeholder here", "exactly once")]
    public void Load_MalformedFile_NamesFileAndProblem(string text, string expected)
    {
        using var dir = new TempDir("rephrase");
        var path = dir.File("bad.txt");
        File.WriteAllText(path, text);
        var error = Assert.Throws<InvalidDataException>(() => PromptTemplateFile.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingFile_ListsBuiltIns()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PromptTemplateFile.Resolve("/nonexistent/wrap-pirate.txt"));
        Assert.Contains("rewire", error.Message, StringComparison.Ordinal);
    }
}
