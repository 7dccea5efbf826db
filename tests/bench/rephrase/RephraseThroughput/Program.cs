// Requests/second of Curation's rephrasing client against a zero-latency local server, next to a minimal
// HttpClient loop sending identical bytes (the floor any client pays). Prints one JSON line per measurement.
// Usage: RephraseThroughput BASE_URL PROMPTS_OUT "1:2000,8:5000,64:10000"
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Runner;

var baseUrl = new Uri(args[0]);
var promptsOut = args[1];
var levels = args[2].Split(',').Select(l => l.Split(':')).Select(p => (Concurrency: int.Parse(p[0], CultureInfo.InvariantCulture), Requests: int.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
var maxRequests = levels.Max(l => l.Requests);

var template = BuiltInTemplates.Rewire;
var generation = new GenerationOptions { Temperature = 1.0, TopP = 0.9, MaxTokens = 512 };
var docs = Enumerable.Range(0, maxRequests * 3).Select(i => new SourceDocument($"d{i}",
    $"[doc-{i}] " + string.Join(' ', Enumerable.Range(0, 90).Select(w => ((i * 31 + w * 7) % 97).ToString("x", CultureInfo.InvariantCulture) + "word")))).ToArray();
File.WriteAllText(promptsOut, string.Join('\0', docs.Take(maxRequests).Select(d => template.Render(d.Text))));

var endpoint = new EndpointOptions { BaseUrl = baseUrl, Model = "bench-model", ApiKeyVariable = "CURATION_BENCH_KEY" };
Environment.SetEnvironmentVariable("CURATION_BENCH_KEY", "bench-key-not-secret");
using var raw = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { Timeout = Timeout.InfiniteTimeSpan };
var url = endpoint.OperationUrl;

// Each measurement gets fresh documents so caches never answer: offset selects a disjoint slice.
var offset = 0;
SourceDocument[] Slice(int n)
{
    if (offset + n > docs.Length) offset = 0;
    var s = docs[offset..(offset + n)];
    offset += n;
    return s;
}

foreach (var (concurrency, requests) in levels)
{
    await RawAsync(Slice(Math.Min(200, requests)), concurrency); // warm-up
    Report("raw-httpclient", concurrency, requests, await RawAsync(Slice(requests), concurrency));

    using (var client = new OpenAiCompatibleClient(endpoint))
    {
        await ClientAsync(client, Slice(Math.Min(200, requests)), concurrency);
        Report("curation-client", concurrency, requests, await ClientAsync(client, Slice(requests), concurrency));
    }

    using (var client = new OpenAiCompatibleClient(endpoint))
    {
        await BatchAsync(client, GenerationCache.InMemory(), Slice(Math.Min(200, requests)), concurrency);
        Report("curation-batch", concurrency, requests, await BatchAsync(client, GenerationCache.InMemory(), Slice(requests), concurrency));
        var dir = Directory.CreateTempSubdirectory("curation-rephrase-bench-");
        try
        {
            Report("curation-batch-sqlite", concurrency, requests,
                await BatchAsync(client, GenerationCache.Open(Path.Combine(dir.FullName, "generations.sqlite")), Slice(requests), concurrency));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

static void Report(string name, int concurrency, int requests, TimeSpan elapsed) =>
    Console.WriteLine(JsonSerializer.Serialize(new { client = name, concurrency, requests, seconds = elapsed.TotalSeconds, rps = requests / elapsed.TotalSeconds }));

async Task<TimeSpan> RawAsync(SourceDocument[] batch, int concurrency)
{
    var bodies = batch.Select(d => Body(template.Render(d.Text))).ToArray();
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < bodies.Length)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bodies[i]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench-key-not-secret");
            using var response = await raw.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            using var json = JsonDocument.Parse(bytes);
            var text = json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
            if (template.ExtractOutput(text).Length == 0) throw new InvalidOperationException("empty");
        }
    }));
    return watch.Elapsed;
}

async Task<TimeSpan> ClientAsync(OpenAiCompatibleClient client, SourceDocument[] batch, int concurrency)
{
    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < batch.Length)
        {
            var completion = await client.CompleteAsync(template.Render(batch[i].Text), template.System, generation, CancellationToken.None);
            if (template.ExtractOutput(completion.Text).Length == 0) throw new InvalidOperationException("empty");
        }
    }));
    return watch.Elapsed;
}

async Task<TimeSpan> BatchAsync(OpenAiCompatibleClient client, GenerationCache cache, SourceDocument[] batch, int concurrency)
{
    using (cache)
    using (var rephraser = new BatchRephraser(client, cache, new RephraseOptions { Template = template, Generation = generation, Concurrency = concurrency }))
    {
        var watch = Stopwatch.StartNew();
        var rewritten = 0;
        await foreach (var outcome in rephraser.RunAsync(batch))
            if (outcome is RephraseOutcome.Rewritten) rewritten++;
        var elapsed = watch.Elapsed;
        if (rewritten != batch.Length)
            throw new InvalidOperationException($"only {rewritten} of {batch.Length} rewritten: {rephraser.Stats.Snapshot().ToJson()}");
        return elapsed;
    }
}

byte[] Body(string prompt)
{
    var buffer = new MemoryStream();
    using (var w = new Utf8JsonWriter(buffer))
    {
        w.WriteStartObject();
        w.WriteString("model", "bench-model");
        w.WriteStartArray("messages");
        w.WriteStartObject();
        w.WriteString("role", "user");
        w.WriteString("content", prompt);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteNumber("temperature", 1.0);
        w.WriteNumber("top_p", 0.9);
        w.WriteNumber("max_tokens", 512);
        w.WriteNumber("n", 1);
        w.WriteBoolean("stream", false);
        w.WriteEndObject();
    }
    return buffer.ToArray();
}
