using System.Text;
using BenchmarkDotNet.Attributes;
using Curation.Text.Pii;
using Curation.Text.Rules;
using Curation.Text.Tokenization;

namespace Curation.Benchmarks.Text;

/// <summary>
/// The heuristic rules on 500 synthetic prose documents of ~300 words (with URLs, contractions and line
/// structure): the spaCy-compatible tokenizer alone, each datatrove rule, and the full default chain (baseline).
/// The side-by-side run on the real corpus against datatrove's figure is tests/bench/filters/run.sh.
/// </summary>
[MemoryDiagnoser]
public class FilterRuleBenchmarks
{
    private readonly GopherQualityRule _gopher = new();
    private readonly GopherRepetitionRule _repetition = new();
    private readonly C4QualityRule _c4 = new();
    private readonly FineWebQualityRule _fineweb = new();
    private readonly PiiRedactionRule _pii = new();
    private readonly List<Token> _tokens = new();
    private List<string> _docs = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        string[] vocabulary = Enumerable.Range(0, 3000).Select(i => $"word{i}").Concat(["the", "and", "of", "don't", "it's", "e.g.", "(see", "www.example.com/x)"]).ToArray();
        _docs = Enumerable.Range(0, 500).Select(_ =>
        {
            var sb = new StringBuilder();
            for (int w = 0; w < 300; w++)
            {
                sb.Append(vocabulary[rng.Next(vocabulary.Length)]);
                sb.Append(w % 15 == 14 ? (w % 45 == 44 ? ".\n" : ". ") : " ");
            }
            return sb.ToString();
        }).ToList();
    }

    [Benchmark]
    public int Tokenize()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            _tokens.Clear();
            SpacyEnglishTokenizer.Tokenize(d, _tokens);
            n += _tokens.Count;
        }
        return n;
    }

    [Benchmark]
    public int GopherQuality() => Count(_gopher);

    [Benchmark]
    public int GopherRepetition() => Count(_repetition);

    [Benchmark]
    public int C4Quality() => Count(_c4);

    [Benchmark]
    public int FineWebQuality() => Count(_fineweb);

    [Benchmark]
    public int Pii() => Count(_pii);

    [Benchmark(Baseline = true)]
    public int DefaultChain()
    {
        int kept = 0;
        foreach (var d in _docs)
        {
            string text = d;
            bool ok = true;
            foreach (var rule in new IDocumentRule[] { _gopher, _repetition, _c4, _fineweb })
            {
                var r = rule.Evaluate(text);
                if (!r.Kept) { ok = false; break; }
                text = r.Text ?? text;
            }
            if (ok) kept++;
        }
        return kept;
    }

    private int Count(IDocumentRule rule)
    {
        int kept = 0;
        foreach (var d in _docs) if (rule.Evaluate(d).Kept) kept++;
        return kept;
    }
}
