using System.Text;
using System.Text.Json;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Client;
using Curation.Rephrase.Runner;
using Curation.Rephrase.Tests.Infrastructure;
using Curation.Testing;

namespace Curation.Rephrase.Tests;

public sealed class ApiKeyTests
{
    private const string GoodKey = "sk-curation-GOOD-7f3a9c1e5b2d4086a1c3e5f7b9d1f3a5";
    private const string WrongKey = "sk-curation-WRONG-0c2e4a6b8d0f1a3c5e7b9d1f3a5c7e9b";

    [Fact]
    public async Task Run_WithFaultsAndRejections_KeyNeverInLogsStatsRecordsOrRunDirectory()
    {
        Environment.SetEnvironmentVariable("CURATION_REPHRASE_TEST_GOOD_KEY", GoodKey);
        Environment.SetEnvironmentVariable("CURATION_REPHRASE_TEST_WRONG_KEY", WrongKey);
        var clock = Rig.Clock();
        await using var server = await FakeOpenAiServer.StartAsync(r => (r.Doc % 4, r.Attempt) switch
        {
            (1, 1) => new Fault(FaultKind.RateLimitSeconds, 1),
            (2, _) => new Fault(FaultKind.ContentFilter),
            (3, _) => new Fault(FaultKind.Status, 503),
            _ => Fault.None,
        }, clock, expectedKey: GoodKey);
        using var dir = new TempDir("rephrase");
        var log = new StringBuilder();
        var records = new StringBuilder();
        var docs = Rig.Docs(40);

        foreach (var variable in new[] { "CURATION_REPHRASE_TEST_GOOD_KEY", "CURATION_REPHRASE_TEST_WRONG_KEY" })
        {
            using var client = Rig.Client(server, clock, keyVariable: variable);
            Assert.True(client.HasApiKey);
            using var cache = GenerationCache.Open(dir.File(variable, "generations.sqlite"));
            var options = Rig.Options(concurrency: 4) with { Log = m => { lock (log) log.AppendLine(m); } };
            using var rephraser = new BatchRephraser(client, cache, options, clock);
            await foreach (var outcome in rephraser.RunAsync(docs))
                records.AppendLine(JsonSerializer.Serialize<object>(outcome));
            var stats = rephraser.Stats.Snapshot();
            File.WriteAllText(dir.File(variable, "stats.json"), stats.ToJson());
            records.AppendLine(client.Endpoint.ToString()).AppendLine(options.ToString());
        }
        File.WriteAllText(dir.File("outcomes.jsonl"), records.ToString());
        File.WriteAllText(dir.File("log.txt"), log.ToString());

        // The runs did exercise the key: the good key was accepted, the wrong one was rejected and echoed by the server.
        var all = records.ToString();
        Assert.Contains("\"Reason\":\"unauthorized\"", all, StringComparison.Ordinal);
        Assert.Contains("[redacted]", all, StringComparison.Ordinal);
        Assert.Contains("REWRITTEN", all, StringComparison.Ordinal);
        Assert.Contains("retry", log.ToString(), StringComparison.Ordinal);

        foreach (var key in new[] { GoodKey, WrongKey })
        {
            Assert.DoesNotContain(key, all, StringComparison.Ordinal);
            Assert.DoesNotContain(key, log.ToString(), StringComparison.Ordinal);
            foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(key)), $"{file} contains the API key");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(key)), $"{file} contains the API key (UTF-16)");
            }
        }
        Assert.Contains(Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories), f => f.EndsWith("-wal", StringComparison.Ordinal) || f.EndsWith(".sqlite", StringComparison.Ordinal));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
