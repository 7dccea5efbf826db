using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages.Packing;

namespace Curation.Stages.Tests.Packing;

/// <summary>Writes small corpora and runs pack configs in-process with the real registries and local executor.</summary>
public static class PackRuns
{
    public static async Task<RunDirectory> Run(string yaml, params string[] overrides)
    {
        var loaded = ConfigLoader.Parse(yaml, "test.yaml", overrides);
        var (kinds, ctx) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, ctx).Plan(loaded);
        var dir = new RunDirectory(plan.Config.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(plan.Config.Config.Run.Workers).RunAsync(plan, dir, session, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("\n", result.Failures.Select(f => $"{f.Step}/{f.Rank}: {f.Error}")));
        return dir;
    }

    /// <summary>A pack-only run config over <paramref name="glob"/>; <paramref name="options"/> are extra option lines.</summary>
    public static string Config(string glob, string output, string options, int workers = 1) => $$"""
        run:
          name: t
          output: {{output}}
          workers: {{workers}}
          report: false
        steps:
          - id: pack
            kind: pack
            input:
              paths: ["{{glob}}"]
            options:
        {{string.Join("\n", options.Split('\n').Select(l => "      " + l.Trim()))}}
        """;

    /// <summary>Writes one JSONL file per domain: (id, text) pairs.</summary>
    public static void WriteCorpus(string dir, IReadOnlyDictionary<string, IReadOnlyList<(string Id, string Text)>> domains)
    {
        Directory.CreateDirectory(dir);
        foreach (var (domain, docs) in domains)
        {
            using var w = new StreamWriter(Path.Combine(dir, domain + ".jsonl"), false, new UTF8Encoding(false));
            foreach (var (id, text) in docs) w.WriteLine(JsonSerializer.Serialize(new { id, text, domain }));
        }
    }

    /// <summary>Synthetic documents of varied length with a few shared words, deterministic.</summary>
    public static List<(string Id, string Text)> Documents(string domain, int count, int maxWords)
    {
        var list = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var words = 1 + (i * 37 + domain.Length * 11) % maxWords;
            list.Add(($"{domain}/{i:D4}", string.Join(' ', Enumerable.Range(0, words).Select(j => $"{domain[0]}{(i * 13 + j * 7) % 101}"))));
        }
        return list;
    }

    public static PackManifest Manifest(RunDirectory dir) =>
        JsonFiles.Read<PackManifest>(Path.Combine(dir.StepDir("pack.write"), "00000.manifest.json"));

    public static string Shard(RunDirectory dir, string split) => Path.Combine(dir.StepDir("pack.write"), "00000." + split);

    public static SortedDictionary<string, string> Hashes(RunDirectory dir)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir.StepDir("pack.write")))
            d[Path.GetFileName(f)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)));
        return d;
    }
}
