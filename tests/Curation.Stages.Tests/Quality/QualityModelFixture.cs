using Curation.FastText;
using Curation.Stages.Quality;
using Curation.Testing;

namespace Curation.Stages.Tests.Quality;

/// <summary>Trains the ham/spam quality model once per test class.</summary>
public sealed class QualityModelFixture : IDisposable
{
    private readonly TempDir _dir = new("quality-model");

    public QualityModelFixture()
    {
        Result = QualityTrainer.Train(Options(ModelPath), TextWriter.Null);
    }

    public string ModelPath => _dir.File("ham.bin");

    public QualityTrainResult Result { get; }

    /// <summary>The sample's ham (positive) and spam (negative) emails, with a small model that trains in about a second.</summary>
    public static QualityTrainOptions Options(string output) => new()
    {
        Positive = new TrainingSource([Email], "domain", "email-ham"),
        Negative = new TrainingSource([Email], "domain", "email-spam"),
        Output = output,
        TestFraction = 0.2,
        FastText = new FastTextArgs { WordNgrams = 2, Epoch = 25, LearningRate = 0.5, Dim = 32, Bucket = 200_000, Thread = 1, Verbose = 0 },
    };

    public static string Email => RepoPaths.Sample("data", "train", "email-*.jsonl.gz");

    public void Dispose() => _dir.Dispose();
}
