using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;
using Curation.Stages.Filters;
using Curation.Testing;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Tests.Filters;

/// <summary>Lone surrogates in text (from any producer) are repaired and counted by normalize.unicode, and the repaired text writes as JSON.</summary>
public class SurrogateTests
{
    [Fact]
    public async Task NormalizeUnicode_ReplacesLoneSurrogates_CountsThem_AndTheResultWritesAsValidJson()
    {
        var stage = new RuleStage("normalize_unicode", new RuleStageOptions(), "normalize.unicode", RuleStageMode.Filter);
        var stats = new StageStats(stage.Id);
        using var t = new TempDir("surrogates");
        var ctx = new StageContext(new TaskInfo("s", 0, 1, 1, t.Path), stage.Id, stats, new NoRejects(), TextWriter.Null);
        var docs = await Collect(stage.RunAsync(Source(new Document("a", "before \ud800 after \udc00 end")), ctx, CancellationToken.None));
        var text = Assert.Single(docs).Text;
        Assert.DoesNotContain('\ud800', text);
        Assert.DoesNotContain('\udc00', text);
        Assert.StartsWith("before ", text);
        Assert.Equal(2, stats.Counters["unicode.surrogates_replaced"]);

        var path = t.File("out.jsonl");
        using (var w = new JsonlDocumentWriter(_ => path, Curation.Formats.Compression.CompressionKind.None)) { w.Write(docs[0]); w.Complete(); }
        var back = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("text").GetString();
        Assert.Equal(text, back);
    }

    [Fact]
    public void RuleOptionsFromYaml_ReachTheRule_NullDisablesACheck()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader("min_doc_words: ~\ntop_n_grams: {2: 0.5}\nstop_words: [a, b]"));
        var raw = ((YamlMappingNode)yaml.Documents[0].RootNode).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => p.Value);
        var values = RuleOptionValues.From(raw);
        Assert.Null(values["min_doc_words"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<object?>>(values["stop_words"]));
        Assert.Equal("0.5", Assert.IsType<Dictionary<string, object?>>(values["top_n_grams"])["2"]);
    }

    private static async IAsyncEnumerable<Document> Source(Document d, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        yield return d;
    }

    private static async Task<List<Document>> Collect(IAsyncEnumerable<Document> docs)
    {
        var list = new List<Document>();
        await foreach (var d in docs) list.Add(d);
        return list;
    }

    private sealed class NoRejects : IRejectSink
    {
        public void Reject(Document document, string stageId, string reason) => throw new InvalidOperationException("normalize.unicode never drops");
    }
}
