using Curation.Testing;
using Curation.Tokenizers.Training;

namespace Curation.Tokenizers.Tests;

public class TrainingTests
{
    private static readonly List<string> Corpus = TestTexts.Paragraphs(700).ToList();

    private static TrainedBpe Train(int vocab = 1200) =>
        BpeTrainer.Train(Corpus.Take(600), new BpeTrainerOptions { VocabularySize = vocab, SpecialTokens = ["<|endoftext|>", "<|pad|>"] });

    [Fact]
    public void TrainedTokenizerJsonLoadsInHfAndEncodesHeldOutTextIdentically()
    {
        var trained = Train();
        using var dir = new TempDir("train");
        var path = dir.File("tokenizer.json");
        using (var f = File.Create(path)) trained.WriteTokenizerJson(f);
        var heldOut = Corpus.Skip(600).Concat(TestTexts.Tricky(150, seed: 11)).Where(t => !t.Contains("<|")).ToList();
        var hf = Oracle.HuggingFace(path, heldOut);
        var fromFile = Tokenizer.FromFile(path);
        var inMemory = trained.ToTokenizer();
        for (var i = 0; i < heldOut.Count; i++)
        {
            Assert.Equal(hf[i], fromFile.EncodeToIds(heldOut[i]));
            Assert.Equal(hf[i], inMemory.EncodeToIds(heldOut[i]));
            Assert.Equal(heldOut[i], fromFile.Decode(hf[i]));
        }
        Assert.Equal(1200, fromFile.VocabularySize);
        Assert.Equal(1198, fromFile.SpecialTokens["<|endoftext|>"]);
    }

    [Fact]
    public void TrainingIsDeterministicAndLearnsFrequentWords()
    {
        var a = Train(600);
        var b = Train(600);
        Assert.Equal(a.Merges, b.Merges);
        Assert.Equal(600 - 256 - 2, a.Merges.Count);
        var tok = a.ToTokenizer();
        Assert.Single(tok.EncodeToIds(" the"));
        var heldOut = string.Join("\n\n", Corpus.Skip(600));
        int n = tok.EncodeToIds(heldOut).Length, bytes = System.Text.Encoding.UTF8.GetByteCount(heldOut);
        Assert.True(n < bytes * 0.65, $"{n} tokens for {bytes} bytes");
        Assert.True(Train(1200).ToTokenizer().EncodeToIds(heldOut).Length < n * 0.85, "a larger vocabulary must compress better");
    }

    [Fact]
    public void TiktokenExportGivesTheSameIdsAsTheTokenizerJson()
    {
        var trained = Train();
        using var ms = new MemoryStream();
        trained.WriteTiktoken(ms);
        ms.Position = 0;
        var ranks = Tokenizer.FromTiktoken(ms, trained.Pattern, new Dictionary<string, int>());
        var merges = trained.ToTokenizer();
        foreach (var text in Corpus.Skip(600))
            Assert.Equal(merges.EncodeToIds(text), ranks.EncodeToIds(text));
    }

    [Fact]
    public void MinFrequencyStopsTraining()
    {
        var trained = BpeTrainer.Train(["abab abab", "xyz"], new BpeTrainerOptions { VocabularySize = 400, SpecialTokens = [], MinFrequency = 2 });
        Assert.All(trained.Merges, m => Assert.True(m.Left >= 0));
        Assert.InRange(trained.Merges.Count, 1, 6);
        Assert.Throws<ArgumentException>(() => BpeTrainer.Train(["x"], new BpeTrainerOptions { VocabularySize = 100 }));
    }

    [Fact]
    public void Cl100kExportedAsTokenizerJsonMatchesHfTokenizers()
    {
        var tok = Tokenizer.FromName("cl100k_base");
        using var dir = new TempDir("export");
        var path = dir.File("tokenizer.json");
        using (var f = File.Create(path)) TokenizerJsonWriter.Write(f, tok);
        var texts = TestTexts.Tricky(300, seed: 5).Where(t => !t.Contains("<|")).Concat(TestTexts.Paragraphs(50)).ToList();
        var hf = Oracle.HuggingFace(path, texts);
        for (var i = 0; i < texts.Count; i++) Assert.Equal(tok.EncodeToIds(texts[i]), hf[i]);
        Assert.Equal(Tokenizer.FromFile(path).EncodeToIds(texts[^1]), tok.EncodeToIds(texts[^1]));
    }
}
