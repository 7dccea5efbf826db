using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;
using Curation.Pipeline.Stages;

namespace Curation.Pipeline.Tests;

/// <summary>Options of the test filter: drop documents whose text contains a word.</summary>
public sealed class DropWordOptions
{
    public string Word { get; set; } = "spam";
}

/// <summary>A minimal filter stage for executor tests.</summary>
public sealed class DropWordFilter(DropWordOptions o, string id) : FilterStage
{
    public override string Id => id;

    protected override FilterResult Evaluate(Document d, StageContext c) =>
        d.Text.Contains(o.Word, StringComparison.Ordinal) ? FilterResult.Drop("has_" + o.Word) : FilterResult.KeepAs(d.WithMeta("len", d.Text.Length));
}

/// <summary>Helpers to write inputs and run configs in-process.</summary>
public static class TestRuns
{
    public static (StepKindRegistry, StepBuildContext) Registries()
    {
        var stages = new StageRegistry().Add<DropWordOptions>("test.drop_word", "test", (o, id) => new DropWordFilter(o, id));
        return (new StepKindRegistry(), new StepBuildContext(stages, FormatRegistry.CreateDefault()));
    }

    public static string Config(string inputGlob, string output, int workers = 1, string format = "jsonl.gz", string extraStage = "") => $$"""
        run:
          name: t
          output: {{output}}
          workers: {{workers}}
        steps:
          - id: curate
            input:
              paths: [{{inputGlob}}]
            stages:
              - type: test.drop_word
                word: spam
        {{extraStage}}
            output:
              format: {{format}}
              max_file_bytes: 20KB
        """;

    public static RunPlan Plan(string yaml, params string[] overrides)
    {
        var (k, c) = Registries();
        return new RunPlanner(k, c).Plan(ConfigLoader.Parse(yaml, "test.yaml", overrides));
    }

    public static async Task<(RunResult Result, RunDirectory Dir)> Run(string yaml, params string[] overrides)
    {
        var plan = Plan(yaml, overrides);
        var dir = new RunDirectory(plan.Config.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(plan.Config.Config.Run.Workers).RunAsync(plan, dir, session, CancellationToken.None);
        return (result, dir);
    }

    /// <summary>Writes gzipped JSONL shards of synthetic documents; every 7th contains "spam".</summary>
    public static void WriteShards(string dir, int shards, int docsPerShard)
    {
        Directory.CreateDirectory(dir);
        for (var s = 0; s < shards; s++)
        {
            using var fs = File.Create(Path.Combine(dir, $"shard-{s:D2}.jsonl.gz"));
            using var gz = new GZipStream(fs, CompressionLevel.Fastest);
            using var w = new StreamWriter(gz, new UTF8Encoding(false));
            for (var i = 0; i < docsPerShard; i++)
            {
                var n = s * docsPerShard + i;
                var text = $"document {n} " + string.Join(' ', Enumerable.Range(0, 20 + n % 50).Select(j => $"w{(n * 31 + j) % 997}")) + (n % 7 == 0 ? " spam" : "");
                w.WriteLine(JsonSerializer.Serialize(new { id = $"d{n:D6}", text, metadata = new { shard = s } }));
            }
        }
    }

    /// <summary>sha256 of every committed data file, by relative path.</summary>
    public static SortedDictionary<string, string> OutputHashes(RunDirectory dir, string step = "curate")
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir.StepDir(step)))
            d[Path.GetFileName(f)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)));
        return d;
    }

    public static List<string> ReadJsonl(string path)
    {
        using var s = Curation.Formats.Compression.CompressedFile.OpenRead(path);
        using var r = new StreamReader(s);
        var lines = new List<string>();
        while (r.ReadLine() is { } l) lines.Add(l);
        return lines;
    }
}
