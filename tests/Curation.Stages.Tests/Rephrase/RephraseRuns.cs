using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Tests.Rephrase;

/// <summary>Inputs, configs and in-process runs for the rephrase stage tests.</summary>
public static class RephraseRuns
{
    /// <summary>Writes <paramref name="shards"/> JSONL shards; document n is <c>d{n:D5}</c> with text "[doc-n] ..." and quality_score (n mod 100)/100.</summary>
    public static void WriteShards(string dir, int shards, int docsPerShard)
    {
        Directory.CreateDirectory(dir);
        for (var s = 0; s < shards; s++)
        {
            using var w = new StreamWriter(Path.Combine(dir, $"shard-{s:D2}.jsonl"), false, new UTF8Encoding(false));
            for (var i = 0; i < docsPerShard; i++)
            {
                var n = s * docsPerShard + i;
                w.WriteLine(JsonSerializer.Serialize(new { id = Id(n), text = Text(n), metadata = new { quality_score = n % 100 / 100.0, shard = s } }));
            }
        }
    }

    public static string Id(int n) => $"d{n:D5}";

    public static string Text(int n) => $"[doc-{n}] Paragraph number {n} about an interesting topic, written plainly.";

    /// <summary>A one-step run config with a <c>rephrase</c> stage; <paramref name="stageOptions"/> are extra option lines (8 spaces indented).</summary>
    public static string Config(string input, string output, string baseUrl, string stageOptions = "", string extraStages = "", int workers = 2,
        string keyEnv = "CURATION_REPHRASE_TEST_NO_KEY") => $$"""
        run:
          name: rephrase-test
          output: '{{output}}'
          workers: {{workers}}
        steps:
          - id: rw
            input:
              paths: ['{{input}}/*.jsonl']
            stages:
              - type: rephrase
                endpoint: {base_url: '{{baseUrl}}', model: test-model, api_key_env: {{keyEnv}}}
                template: rewire
                concurrency: 16
                generation: {temperature: 1.0, top_p: 0.9, max_tokens: 256}
                resilience: {max_retries: 6, base_delay: 5ms, max_delay: 50ms, attempt_timeout: 20s}
        {{stageOptions}}
        {{extraStages}}
            output:
              format: jsonl
        """;

    public static async Task<(RunResult Result, RunDirectory Dir)> Run(string yaml, CancellationToken cancellationToken = default)
    {
        var loaded = ConfigLoader.Parse(yaml, "test.yaml");
        var (kinds, context) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, context).Plan(loaded);
        var dir = new RunDirectory(loaded.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(loaded.Config.Run.Workers).RunAsync(plan, dir, session, cancellationToken);
        return (result, dir);
    }

    /// <summary>Every committed record of a kind (data or rejects) of step <c>rw</c>, parsed.</summary>
    public static List<JsonElement> Records(RunDirectory dir, string kind, string step = "rw")
    {
        var list = new List<JsonElement>();
        var completions = Path.Combine(dir.Root, "completions", step);
        foreach (var file in Directory.EnumerateFiles(completions, "*.json").Order(StringComparer.Ordinal))
        {
            var record = JsonFiles.Read<CompletionRecord>(file);
            foreach (var o in record.Outputs.Where(o => o.Kind == kind))
                list.AddRange(ReadLines(dir.Absolute(o.Path)).Select(l => JsonDocument.Parse(l).RootElement.Clone()));
        }
        return list;
    }

    public static IEnumerable<string> ReadLines(string path)
    {
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var r = new StreamReader(s);
        while (r.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    public static string Meta(JsonElement record, string key) =>
        record.GetProperty("metadata").TryGetProperty(key, out var v) ? v.ToString() : "";
}
