using Curation.FastText;
using Curation.Stages.Quality;
using Curation.Testing;

namespace Curation.Stages.Tests.Quality;

/// <summary><c>curate quality train</c>'s engine on the sample's ham/spam emails.</summary>
public sealed class QualityTrainTests(QualityModelFixture model) : IClassFixture<QualityModelFixture>
{
    [Fact]
    public void Ham_versus_spam_has_high_held_out_precision()
    {
        var r = model.Result;
        Assert.Equal(147, r.PositiveFound);
        Assert.Equal(145, r.NegativeFound);
        // Balanced to 145 per class, then split by id hash: 20% held out.
        Assert.Equal(290, r.TrainPositive + r.TrainNegative + r.TestPositive + r.TestNegative);
        Assert.InRange(r.TestPositive + r.TestNegative, 40, 80);
        // Measured 0.94 precision, 0.97 recall (single thread, so repeatable); floors are conservative.
        Assert.True(r.Precision >= 0.85, $"precision {r.Precision}");
        Assert.True(r.Recall >= 0.85, $"recall {r.Recall}");
        var loaded = FastTextModel.Load(model.ModelPath);
        Assert.Equal(new[] { "__label__hq", "__label__lq" }, loaded.Labels.Order(StringComparer.Ordinal));
        Assert.Equal(2, loaded.Args.WordNgrams);
    }

    [Fact]
    public void Same_options_give_the_same_model_and_quantize_writes_ftz()
    {
        using var t = new TempDir();
        var o = QualityModelFixture.Options(t.File("again.bin"));
        var q = new QualityTrainOptions
        {
            Positive = o.Positive, Negative = o.Negative, Output = o.Output, TestFraction = o.TestFraction, FastText = o.FastText, Quantize = true,
        };
        var r = QualityTrainer.Train(q, TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(model.ModelPath), File.ReadAllBytes(r.ModelPath));
        Assert.Equal(model.Result.Precision, r.Precision);
        Assert.True(FastTextModel.Load(r.QuantizedPath!).IsQuantized);
    }

    [Fact]
    public void A_predicate_matching_nothing_fails_clearly()
    {
        using var t = new TempDir();
        var o = QualityModelFixture.Options(t.File("m.bin"));
        var bad = new QualityTrainOptions { Positive = o.Positive, Negative = o.Negative with { WhereValue = "no-such-domain" }, Output = o.Output };
        var e = Assert.Throws<InvalidDataException>(() => QualityTrainer.Train(bad, TextWriter.Null));
        Assert.Contains("no negative documents", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(t.File("m.bin")));
    }
}
