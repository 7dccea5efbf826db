namespace Curation.FastText.Tests;

/// <summary>The API pipeline stages call: document prediction, DCLM scoring, language id, thread safety.</summary>
public sealed class ModelApiTests(OracleModels models) : IClassFixture<OracleModels>
{
    [Fact]
    public void DocumentPredictionReplacesNewlinesLikeDatatrove()
    {
        var model = FastTextModel.Load(models.Bin("softmax-char"));
        var lines = File.ReadLines(FastTextOracle.TestFile).Take(200).ToArray();
        // Documents made of 2 test lines joined by '\n' must score as the CLI scores the space-joined line.
        var docs = Enumerable.Range(0, 100).Select(i => lines[2 * i] + "\n" + lines[2 * i + 1]).ToArray();
        using var dir = new Curation.Testing.TempDir("ft-doc");
        File.WriteAllText(dir.File("docs.txt"), string.Join("\n", docs.Select(d => d.Replace('\n', ' '))) + "\n");
        var expected = FastTextOracle.Run("predict-prob", models.Bin("softmax-char"), dir.File("docs.txt"), "2").Split('\n');
        for (var i = 0; i < docs.Length; i++)
        {
            var p = model.Predict(docs[i], 2);
            var line = string.Join(' ', p.Select(x => x.Label + " " + CppFloatFormat.G(x.Probability)));
            Assert.Equal(expected[i], line);
        }
    }

    [Fact]
    public void PredictionIsThreadSafe()
    {
        var model = FastTextModel.Load(models.Bin("hs-char"));
        var lines = File.ReadLines(FastTextOracle.TestFile).Take(400).ToArray();
        var sequential = lines.Select(l => model.Predict(l, 3)).ToArray();
        var parallel = new FastTextPrediction[lines.Length][];
        Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = model.Predict(lines[i], 3));
        for (var i = 0; i < lines.Length; i++) Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void ClassifierScoreFollowsDclmConvention()
    {
        var classifier = FastTextClassifier.Load(models.Bin("softmax"), "doc");
        Assert.Equal("__label__doc", classifier.PositiveLabel);
        var docLine = "Return the number of items in the container, as an integer.";
        var codeLine = "for i in range(len(items)): total += items[i]";
        var top = classifier.Predict(docLine)[0];
        Assert.Equal("__label__doc", top.Label);
        Assert.Equal(top.Probability, classifier.Score(docLine), 6);
        var codeTop = classifier.Predict(codeLine)[0];
        Assert.NotEqual("__label__doc", codeTop.Label);
        Assert.Equal(1.0 - codeTop.Probability, classifier.Score(codeLine), 6);
        Assert.Throws<ArgumentException>(() => FastTextClassifier.Load(models.Bin("softmax"), "hq"));
    }

    [Fact]
    public void LanguageIdentifierStripsTheLabelPrefix()
    {
        var lid = LanguageIdentifier.Load(models.Bin("softmax-char"));
        var guess = lid.Identify("Copyright (c) the authors. Permission is hereby granted, free of charge");
        Assert.Equal("license", guess.Language);
        Assert.InRange(guess.Score, 0.5f, 1.00002f);
        var all = lid.Identify("def f(x): return x", k: -1);
        Assert.Equal(3, all.Length);
        Assert.True(all[0].Score >= all[1].Score && all[1].Score >= all[2].Score);
    }

    [Fact]
    public void ShippedLanguageModelIdentifiesCommonLanguages()
    {
        var lid = LanguageIdentifier.Default;
        Assert.Equal("en", lid.Identify("The president said on Tuesday that the government would not raise taxes this year.").Language);
        Assert.Equal("es", lid.Identify("En el principio creó Dios los cielos y la tierra, y la tierra estaba desordenada y vacía.").Language);
        Assert.Equal("de", lid.Identify("Die Würde des Menschen ist unantastbar. Sie zu achten und zu schützen ist Verpflichtung aller staatlichen Gewalt.").Language);
        Assert.Equal("fr", lid.Identify("Tous les êtres humains naissent libres et égaux en dignité et en droits.").Language);
    }
}
