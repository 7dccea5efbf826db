using Curation.Rephrase.Chunking;

namespace Curation.Rephrase.Tests;

public sealed class ParagraphChunkerTests
{
    private static string Paragraphs(int count, int seed)
    {
        var random = new Random(seed);
        return string.Join("\n\n", Enumerable.Range(0, count).Select(i =>
            $"P{i} " + string.Join(' ', Enumerable.Range(0, random.Next(3, 40)).Select(w => "word" + w))));
    }

    [Fact]
    public void Split_ShortDocument_IsOneTrimmedChunk() =>
        Assert.Equal(["Hello.\n\nWorld."], ParagraphChunker.Split("  Hello.\r\n\r\nWorld.\n", ContextBudget.Characters(100)));

    [Fact]
    public void Split_BlankDocument_IsEmpty() => Assert.Empty(ParagraphChunker.Split(" \n\n \t", ContextBudget.Characters(10)));

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(4, 1000)]
    public void Split_ManyParagraphs_CutsOnlyAtParagraphsAndKeepsOrder(int seed, int limit)
    {
        var text = Paragraphs(80, seed);
        var budget = ContextBudget.Characters(limit);
        var longest = text.Split("\n\n").Max(p => p.Length);
        if (longest > limit) limit = longest; // this test is about whole paragraphs; oversize ones are tested below
        budget = ContextBudget.Characters(limit);

        var chunks = ParagraphChunker.Split(text, budget);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, limit));
        Assert.Equal(text.Split("\n\n"), chunks.SelectMany(c => c.Split("\n\n")).ToArray());
        Assert.Equal(text, ParagraphChunker.Stitch(chunks));
        // Greedy packing: no two neighbours would have fitted together.
        for (var i = 1; i < chunks.Count; i++)
            Assert.True(chunks[i - 1].Length + 2 + chunks[i].Split("\n\n")[0].Length > limit);
    }

    [Fact]
    public void Split_OversizedParagraph_FallsBackToLinesThenSentencesThenWords()
    {
        var text = "Short intro.\n\nFirst sentence here. Second sentence is here. Third one.\nA new line follows.\n\nOutro.";
        var chunks = ParagraphChunker.Split(text, ContextBudget.Characters(25));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 25));
        Assert.Equal(["Short intro.", "First sentence here.", "Second sentence is here.", "Third one.", "A new line follows.", "Outro."], chunks);
    }

    [Fact]
    public void Split_UnbreakableRun_HardCutsWithoutSplittingSurrogates()
    {
        var text = string.Concat(Enumerable.Repeat("ab😀", 20)); // 80 chars, emoji = surrogate pair
        var chunks = ParagraphChunker.Split(text, ContextBudget.Characters(7));
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 7));
        Assert.All(chunks, c => Assert.False(char.IsHighSurrogate(c[^1])));
        Assert.Equal(text, string.Concat(chunks));
    }

    [Fact]
    public void Split_EstimatedTokens_UsesFourCharsPerToken()
    {
        var text = "aaaa aaaa\n\nbbbb bbbb\n\ncccc";
        var chunks = ParagraphChunker.Split(text, ContextBudget.EstimatedTokens(3)); // 12 chars
        Assert.Equal(["aaaa aaaa", "bbbb bbbb", "cccc"], chunks);
    }

    [Fact]
    public void Split_CustomTokenCounter_IsHonoured()
    {
        var words = ContextBudget.Tokens(4, s => s.Split(' ', '\n').Count(w => w.Length > 0));
        var chunks = ParagraphChunker.Split("a b\n\nc d\n\ne f g h i", words);
        Assert.Equal(["a b\n\nc d", "e f g h", "i"], chunks);
    }

    [Fact]
    public void ContextBudget_NonPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ContextBudget.Characters(0));
}
