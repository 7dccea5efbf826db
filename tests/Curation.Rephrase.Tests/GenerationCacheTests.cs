using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Testing;

namespace Curation.Rephrase.Tests;

public sealed class GenerationCacheTests
{
    [Fact]
    public void Put_ThenReopen_ReturnsSameGeneration()
    {
        using var dir = new TempDir("rephrase");
        var path = dir.File("cache", "generations.sqlite");
        var completion = new Completion("text ü 😀", new TokenUsage(12, 34), "stop");
        using (var cache = GenerationCache.Open(path))
        {
            cache.Put("k1", completion);
            cache.Put("k1", completion with { Text = "ignored second write" });
            Assert.False(cache.TryGet("k2", out _));
        }
        using (var reopened = GenerationCache.Open(path))
        {
            Assert.True(reopened.TryGet("k1", out var read));
            Assert.Equal(completion, read);
            Assert.Equal(1, reopened.Count);
        }
    }

    [Fact]
    public void Open_NotADatabase_ThrowsNamingTheFile()
    {
        using var dir = new TempDir("rephrase");
        var path = dir.File("garbage.sqlite");
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => GenerationCache.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_ChangesWithModelStyleTemplateOptionsAndInput()
    {
        var options = new GenerationOptions { Temperature = 1.0 };
        var t = BuiltInTemplates.Rewire;
        var baseline = GenerationKey.Compute("m", ApiStyle.ChatCompletions, t, options, "text");
        Assert.Equal(baseline, GenerationKey.Compute("m", ApiStyle.ChatCompletions, t, options with { }, "text"));
        var variants = new[]
        {
            GenerationKey.Compute("m2", ApiStyle.ChatCompletions, t, options, "text"),
            GenerationKey.Compute("m", ApiStyle.Completions, t, options, "text"),
            GenerationKey.Compute("m", ApiStyle.ChatCompletions, BuiltInTemplates.WrapQa, options, "text"),
            GenerationKey.Compute("m", ApiStyle.ChatCompletions, new PromptTemplate("rewire", "2", t.Body, outputStart: t.OutputStart, outputEnd: t.OutputEnd), options, "text"),
            GenerationKey.Compute("m", ApiStyle.ChatCompletions, t, options with { Temperature = 0.9 }, "text"),
            GenerationKey.Compute("m", ApiStyle.ChatCompletions, t, options, "text "),
        };
        Assert.DoesNotContain(baseline, variants);
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }
}
