using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Cli.Tests;

public class KillResumeTests
{
    private static string WriteConfig(TempDir t, string output, int workers)
    {
        var path = t.File($"cfg-{Path.GetFileName(output)}.yaml");
        File.WriteAllText(path, $$"""
            run:
              name: kill-test
              output: {{output}}
              workers: {{workers}}
            steps:
              - id: curate
                input:
                  paths: [{{t.File("in", "*.jsonl.gz")}}]
                stages:
                  - type: filter.length
                    min_words: 30
                  - type: filter.sample
                    rate: 0.8
                output:
                  format: jsonl.zst
                  max_file_bytes: 400KB
              - id: second
                input:
                  from: [curate]
                stages:
                  - type: filter.length
                    min_words: 40
                output:
                  format: jsonl.gz
            """);
        return path;
    }

    private static void WriteInput(string dir, int shards, int docs)
    {
        Directory.CreateDirectory(dir);
        var rnd = new Random(7);
        for (var s = 0; s < shards; s++)
        {
            using var gz = new GZipStream(File.Create(Path.Combine(dir, $"s{s:D2}.jsonl.gz")), CompressionLevel.Fastest);
            using var w = new StreamWriter(gz);
            for (var i = 0; i < docs; i++)
            {
                var words = Enumerable.Range(0, rnd.Next(10, 120)).Select(_ => "w" + rnd.Next(5000));
                w.WriteLine(JsonSerializer.Serialize(new { id = $"s{s}-{i}", text = string.Join(' ', words) }));
            }
        }
    }

    private static SortedDictionary<string, string> Hashes(string runDir)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var step in new[] { "curate", "second", "rejects" })
        {
            var root = Path.Combine(runDir, step);
            if (!Directory.Exists(root)) continue;
            foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                d[Path.GetRelativePath(runDir, f)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)));
        }
        return d;
    }

    [Fact]
    public void SigkillAtRandomPoints_ThenResume_GivesByteIdenticalOutputs_AndRerunsOnlyIncompleteTasks()
    {
        using var t = new TempDir("kill");
        WriteInput(t.File("in"), shards: 24, docs: 6000);

        var reference = t.File("reference");
        Curate.Run("run", WriteConfig(t, reference, workers: 2)).EnsureSuccess();
        var expected = Hashes(reference);
        Assert.True(expected.Count > 24);

        var killed = t.File("killed");
        var cfg = WriteConfig(t, killed, workers: 1);
        var rnd = new Random(20261122);
        var kills = 0;
        var completedBefore = new Dictionary<string, string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var p = Curate.Start("run", cfg);
            var wait = rnd.Next(600, 2500);
            if (p.WaitForExit(wait)) break; // finished before we could kill it
            p.Kill(entireProcessTree: true); // SIGKILL: no cleanup code runs
            p.WaitForExit();
            kills++;
            // Remember every completion record that exists now: resuming must never redo these tasks.
            var completions = Path.Combine(killed, "completions");
            if (!Directory.Exists(completions)) continue; // killed before the first task finished
            foreach (var f in Directory.EnumerateFiles(completions, "*.json", SearchOption.AllDirectories))
                completedBefore.TryAdd(Path.GetRelativePath(killed, f), File.ReadAllText(f));
        }
        Assert.True(kills >= 2, $"only {kills} kills landed; the run is too short for this test");
        Curate.Run("run", cfg).EnsureSuccess();

        var actual = Hashes(killed);
        var diff = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).ToList();
        Assert.True(diff.Count == 0, "differing outputs: " + string.Join(", ", diff.Take(10)));
        foreach (var (rel, content) in completedBefore)
            Assert.Equal(content, File.ReadAllText(Path.Combine(killed, rel))); // not rerun: the record is untouched

        var status = Curate.Run("status", killed).EnsureSuccess().StdOut;
        Assert.Contains("all tasks complete", status);
        Assert.Contains("curate", status);
        Assert.DoesNotContain(".tmp", string.Join(",", Directory.EnumerateDirectories(killed)));
    }
}
