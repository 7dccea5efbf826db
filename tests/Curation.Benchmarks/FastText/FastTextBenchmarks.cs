using BenchmarkDotNet.Attributes;
using Curation.FastText;

namespace Curation.Benchmarks.FastText;

/// <summary>
/// Curation's fastText on the committed fixture (tests/fixtures/fasttext): supervised training (1 thread,
/// words/sec = 12,000 lines × 5 epochs / time) and single-thread document prediction. The side-by-side
/// comparison with the fastText CLI is tests/bench/fasttext/vs_fasttext.sh.
/// </summary>
[MemoryDiagnoser]
public class FastTextBenchmarks
{
    private string _train = "";
    private string[] _lines = [];
    private FastTextModel _model = null!;
    private FastTextModel _charModel = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Curation.sln"))) dir = dir.Parent;
        var fixtures = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Curation.sln not found"), "tests", "fixtures", "fasttext");
        _train = Path.Combine(fixtures, "train.txt");
        _lines = File.ReadAllLines(Path.Combine(fixtures, "test.txt")).Select(l => l[(l.IndexOf(' ') + 1)..]).ToArray();
        _model = Train(wordNgrams: 2, maxn: 0);
        _charModel = Train(wordNgrams: 2, maxn: 6);
    }

    private FastTextModel Train(int wordNgrams, int maxn) => FastTextTrainer.Train(new FastTextArgs
    {
        Input = _train, Dim = 16, WordNgrams = wordNgrams, Bucket = 100_000, MinN = maxn > 0 ? 3 : 0, MaxN = maxn,
        Thread = 1, Epoch = 5, Verbose = 0,
    });

    [Benchmark(Description = "train softmax bigrams dim 16 (12k lines x 5 epochs, 1 thread)")]
    public FastTextModel TrainSoftmax() => Train(wordNgrams: 2, maxn: 0);

    [Benchmark(Description = "predict 2,000 documents, bigrams")]
    public int PredictBigrams() => Predict(_model);

    [Benchmark(Description = "predict 2,000 documents, bigrams + char 3-6")]
    public int PredictChars() => Predict(_charModel);

    private int Predict(FastTextModel model)
    {
        var n = 0;
        foreach (var line in _lines) n += model.Predict(line, 1).Length;
        return n;
    }
}
