using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Curation.FastText;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;
using Curation.Stages.Quality;

namespace Curation.Benchmarks.Quality;

/// <summary>
/// The quality family's hot paths on the bundled sample's multilingual and email documents: the lang.fasttext
/// stage against a bare <see cref="LanguageIdentifier.Identify(string)"/> loop (baseline: the stage's overhead is
/// the difference), and the percentile threshold over 1M exact scores from 8 ranks (merge + cut).
/// The side-by-side run against the fastText CLI is tests/bench/quality/lid_throughput.sh.
/// </summary>
[MemoryDiagnoser]
public class QualityBenchmarks
{
    private List<Document> _docs = [];
    private LanguageIdStage _lid = null!;
    private List<ScoreCounts> _ranks = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Curation.sln"))) root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("repository root");
        foreach (var name in new[] { "ml-debian-handbook", "ml-bible-es", "email-ham", "email-spam" })
        {
            using var gz = new GZipStream(File.OpenRead(Path.Combine(root, "samples", "data", "train", name + ".jsonl.gz")), CompressionMode.Decompress);
            using var r = new StreamReader(gz);
            while (r.ReadLine() is { } line)
            {
                using var j = JsonDocument.Parse(line);
                _docs.Add(new Document(j.RootElement.GetProperty("id").GetString()!, j.RootElement.GetProperty("text").GetString()!));
            }
        }
        _lid = new LanguageIdStage(new LanguageIdOptions { Threshold = 0 }, "lang.fasttext");
        _lid.Identify("warm up the shipped model");
        var rng = new Random(42);
        var grid = new ScoreGrid(0);
        _ranks = Enumerable.Range(0, 8).Select(_ =>
        {
            var c = new ScoreCounts();
            for (var i = 0; i < 125_000; i++) c.Add(grid.Cell(rng.NextDouble()));
            return c;
        }).ToList();
    }

    [Benchmark(Baseline = true)]
    public float IdentifyLoop()
    {
        float sum = 0;
        foreach (var d in _docs) sum += LanguageIdentifier.Default.Identify(d.Text.Replace('\n', ' ')).Score;
        return sum;
    }

    [Benchmark]
    public async Task<int> LidStage()
    {
        var ctx = new StageContext(new TaskInfo("bench", 0, 1, 42, Path.GetTempPath()), "lang.fasttext", new StageStats("lang.fasttext"), new NullRejects(), TextWriter.Null);
        var n = 0;
        await foreach (var _ in _lid.RunAsync(_docs.ToAsyncEnumerable(), ctx, CancellationToken.None)) n++;
        return n;
    }

    [Benchmark]
    public long PercentileMergeAndCut()
    {
        var merged = new ScoreCounts();
        foreach (var r in _ranks) merged.Merge(r);
        return PercentileThreshold.Compute(merged, new PercentileOptions { KeepTop = 0.1, Resolution = 0 }).Kept;
    }

    private sealed class NullRejects : IRejectSink
    {
        public long Count { get; private set; }

        public void Reject(Document document, string stageId, string reason) => Count++;
    }
}
