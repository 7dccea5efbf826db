using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Runner;
using Curation.Stages.Rephrase;

namespace Curation.Benchmarks.RephraseStage;

/// <summary>
/// The cost of the pipeline layer: 500 fresh documents through the <c>rephrase</c> stage (selection, provenance
/// metadata, stats, report sidecar) against the engine's <see cref="BatchRephraser"/> alone (the baseline), both at
/// concurrency 16 with a SQLite cache file, against the same zero-latency HTTP server on 127.0.0.1.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class RephraseStageBenchmarks
{
    private const int Documents = 500;
    private HttpListener _server = null!;
    private string _baseUrl = "";
    private string _directory = "";
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _server = new HttpListener();
        _server.Prefixes.Add($"http://127.0.0.1:{port}/");
        _server.Start();
        _baseUrl = $"http://127.0.0.1:{port}/v1";
        _ = Task.Run(Serve);
        _directory = Path.Combine(Path.GetTempPath(), "curation-rephrase-stage-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_directory);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server.Stop();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "engine: BatchRephraser, 500 docs, c=16")]
    public async Task<int> Engine()
    {
        var round = Interlocked.Increment(ref _round);
        using var client = new OpenAiCompatibleClient(new EndpointOptions { BaseUrl = new Uri(_baseUrl), Model = "bench", ApiKeyVariable = "CURATION_BENCH_NO_KEY" });
        using var cache = GenerationCache.Open(Path.Combine(_directory, $"engine-{round}.sqlite"));
        using var rephraser = new BatchRephraser(client, cache, new RephraseOptions { Template = BuiltInTemplates.Rewire, Concurrency = 16 });
        var n = 0;
        await foreach (var outcome in rephraser.RunAsync(Enumerable.Range(0, Documents).Select(i => new SourceDocument($"d{i}", Text(round, i)))))
            if (outcome is RephraseOutcome.Rewritten) n++;
        return n;
    }

    [Benchmark(Description = "stage: rephrase, 500 docs, c=16")]
    public async Task<int> Stage()
    {
        var round = Interlocked.Increment(ref _round);
        var run = Path.Combine(_directory, $"stage-{round}");
        var stage = new Curation.Stages.Rephrase.RephraseStage(new RephraseStageOptions
        {
            Endpoint = new RephraseEndpointConfig { BaseUrl = _baseUrl, Model = "bench", ApiKeyEnv = "CURATION_BENCH_NO_KEY" },
            Concurrency = 16,
        }, "rephrase");
        var context = new StageContext(new TaskInfo("rw", 0, 1, 42, run), "rephrase", new StageStats("rephrase"), new NoRejects(), TextWriter.Null);
        var n = 0;
        await foreach (var _ in stage.RunAsync(Input(round), context, CancellationToken.None)) n++;
        return n;
    }

    private static string Text(int round, int i) => $"[doc-{i}] round {round}: " + string.Join(' ', Enumerable.Range(0, 80).Select(w => "word" + ((w * 7 + i) % 50)));

    private static async IAsyncEnumerable<Document> Input(int round, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < Documents; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Document($"d{i}", Text(round, i));
        }
        await Task.CompletedTask;
    }

    private async Task Serve()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"<improved response starts>\nREWRITTEN text of the document\n<improved response ends>"},"finish_reason":"stop"}],"usage":{"prompt_tokens":100,"completion_tokens":20}}""");
        while (_server.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _server.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped at cleanup
            }
            _ = Task.Run(async () =>
            {
                await ctx.Request.InputStream.CopyToAsync(Stream.Null);
                ctx.Response.ContentType = "application/json";
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            });
        }
    }

    private sealed class NoRejects : IRejectSink
    {
        public int Count;

        public void Reject(Document document, string stageId, string reason) => Interlocked.Increment(ref Count);
    }
}
