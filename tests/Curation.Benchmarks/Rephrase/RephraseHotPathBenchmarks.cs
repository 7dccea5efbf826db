using BenchmarkDotNet.Attributes;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Chunking;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;

namespace Curation.Benchmarks.Rephrase;

/// <summary>
/// The per-document CPU work of the rephrasing runner besides HTTP: splitting, the cache key, rendering and
/// extraction, and cache lookups and commits. The baseline is rendering a prompt, the cheapest step.
/// </summary>
[MemoryDiagnoser]
public class RephraseHotPathBenchmarks
{
    private readonly PromptTemplate _template = BuiltInTemplates.Rewire;
    private readonly GenerationOptions _options = new() { Temperature = 1.0, TopP = 0.9, MaxTokens = 512 };
    private readonly ContextBudget _budget = ContextBudget.EstimatedTokens(1000);
    private string _document = "";
    private string _longDocument = "";
    private string _response = "";
    private GenerationCache _memory = null!;
    private GenerationCache _file = null!;
    private string _directory = "";
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _document = "[doc-1] " + string.Join(' ', Enumerable.Range(0, 90).Select(w => "word" + w));
        // ~40 KB in 200 paragraphs: split into ~10 chunks of 1,000 estimated tokens.
        _longDocument = string.Join("\n\n", Enumerable.Range(0, 200).Select(p => string.Join(' ', Enumerable.Range(0, 30).Select(w => $"w{p}x{w}"))));
        _response = "<thinking starts>" + new string('t', 2000) + "<thinking ends>\n<improved response starts>\n" + _document + "\n<improved response ends>";
        _memory = GenerationCache.InMemory();
        _directory = Directory.CreateTempSubdirectory("curation-rephrase-bench-").FullName;
        _file = GenerationCache.Open(Path.Combine(_directory, "generations.sqlite"));
        for (var i = 0; i < 10_000; i++)
        {
            _memory.Put("seed" + i, new Completion(_response, new TokenUsage(500, 200), "stop"));
            _file.Put("seed" + i, new Completion(_response, new TokenUsage(500, 200), "stop"));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _memory.Dispose();
        _file.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int Render() => _template.Render(_document).Length;

    [Benchmark]
    public int Extract() => _template.ExtractOutput(_response).Length;

    [Benchmark]
    public string Key() => GenerationKey.Compute("model", ApiStyle.ChatCompletions, _template, _options, _document);

    [Benchmark]
    public int SplitLongDocument() => ParagraphChunker.Split(_longDocument, _budget).Count;

    [Benchmark]
    public bool MemoryCacheHit() => _memory.TryGet("seed" + (_counter++ % 10_000), out _);

    [Benchmark]
    public bool FileCacheHit() => _file.TryGet("seed" + (_counter++ % 10_000), out _);

    [Benchmark]
    public void FileCacheCommit() => _file.Put("new" + _counter++, new Completion(_response, new TokenUsage(500, 200), "stop"));
}
