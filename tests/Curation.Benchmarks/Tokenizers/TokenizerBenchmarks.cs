using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Curation.Tokenizers;

namespace Curation.Benchmarks.Tokenizers;

/// <summary>
/// Encode / count / decode throughput of the built-in encodings on ~440 KB of English prose (the expected-id
/// fixture paragraphs) and on C# source (this repository's tokenizer sources). Peer comparison: tests/bench/tokenizers/bench.sh.
/// Run: dotnet run -c Release --project tests/Curation.Benchmarks -- --filter '*TokenizerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private Tokenizer _tokenizer = null!;
    private string _prose = "";
    private string _code = "";
    private byte[] _proseUtf8 = [];
    private int[] _proseIds = [];
    private string[] _documents = [];
    private readonly List<int> _scratch = new(1 << 20);

    [Params("cl100k_base", "o200k_base", "gpt2")]
    public string Encoding { get; set; } = "cl100k_base";

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        var sb = new StringBuilder();
        foreach (var line in File.ReadLines(Path.Combine(root, "tests", "fixtures", "tokenizers", "tiktoken_expected_gpt2.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            sb.Append(doc.RootElement.GetProperty("text").GetString()).Append("\n\n");
        }
        _prose = sb.ToString();
        _documents = _prose.Split("\n\n");
        _code = string.Concat(Directory.GetFiles(Path.Combine(root, "models", "Curation.Tokenizers"), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllText));
        _tokenizer = Tokenizer.FromName(Encoding);
        _proseUtf8 = System.Text.Encoding.UTF8.GetBytes(_prose);
        _proseIds = _tokenizer.EncodeToIds(_prose);
    }

    [Benchmark(Description = "encode prose (string)")]
    public int EncodeProse()
    {
        _scratch.Clear();
        _tokenizer.EncodeToIds(_prose, _scratch);
        return _scratch.Count;
    }

    [Benchmark(Description = "encode prose (UTF-8)")]
    public int EncodeProseUtf8()
    {
        _scratch.Clear();
        _tokenizer.EncodeToIds(_proseUtf8, _scratch);
        return _scratch.Count;
    }

    [Benchmark(Description = "encode code")]
    public int EncodeCode()
    {
        _scratch.Clear();
        _tokenizer.EncodeToIds(_code, _scratch);
        return _scratch.Count;
    }

    [Benchmark(Description = "encode paragraphs, 2 threads")]
    public int EncodeBatchTwoThreads() => _tokenizer.EncodeBatch(_documents, 2).Length;

    [Benchmark(Description = "decode prose")]
    public int Decode() => _tokenizer.DecodeToBytes(_proseIds).Length;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Curation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Curation.sln not found");
    }
}
