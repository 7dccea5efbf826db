using System.IO.Compression;
using System.Text;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;

namespace Curation.Stages.Tests.Mixture;

/// <summary>Tiny mixture searches run in-process: synthetic domains, seconds-long proxies.</summary>
public static class RegMixRuns
{
    /// <summary>Writes train/ and val/ JSONL.gz files for three domains with distinct alphabets, so mixtures change losses.</summary>
    public static void WriteDomains(string root)
    {
        var alphabets = new Dictionary<string, string> { ["alpha"] = "abcdefgh ", ["digits"] = "0123456789 ", ["mixed"] = "aeiou01 xyz" };
        foreach (var (split, docs) in new[] { ("train", 24), ("val", 4) })
        {
            Directory.CreateDirectory(Path.Combine(root, split));
            foreach (var (name, alphabet) in alphabets)
            {
                var rng = new Random(name.Length * 31 + docs); // fixed seed: fixture text, not logic
                using var fs = File.Create(Path.Combine(root, split, name + ".jsonl.gz"));
                using var gz = new GZipStream(fs, CompressionLevel.Fastest);
                using var w = new StreamWriter(gz, new UTF8Encoding(false));
                for (var d = 0; d < docs; d++)
                {
                    var text = new string(Enumerable.Range(0, 200).Select(i => alphabet[(i * 7 + rng.Next(3)) % alphabet.Length]).ToArray());
                    w.Write($"{{\"id\":\"{name}-{split}-{d}\",\"text\":\"{text}\"}}\n");
                }
            }
        }
    }

    /// <summary>A config over <see cref="WriteDomains"/>'s files: 5 runs of a 1-layer proxy, a tiny validation proxy.</summary>
    public static string Config(string data, string output, int workers, string extraFit = "", bool validate = true)
    {
        var yaml = $$"""
            run:
              name: regmix-test
              output: {{output}}
              workers: {{workers}}
              seed: 7
            steps:
              - id: mix
                kind: mixture.regmix
                options:
                  data:
                    train: [{{data}}/train/*.jsonl.gz]
                    validation: [{{data}}/val/*.jsonl.gz]
                  sample: {runs: 5, seed: 3}
                  proxy:
                    model: {vocab_size: 256, context_length: 16, layers: 1, heads: 2, width: 16, mlp_width: 32}
                    training: {batch_size: 4, sequence_length: 16, learning_rate: 0.01, warmup_steps: 2, eval_batches: 2, checkpoint_interval: 5}
                  proxy_tokens: 1280
                  fit: {regressor: ridge, folds: 2, search_samples: 4000, top_k: 20{{extraFit}}}

            """;
        if (validate)
        {
            yaml += """
                      validation_proxy:
                        model: {vocab_size: 256, context_length: 16, layers: 1, heads: 2, width: 32, mlp_width: 64}
                        training: {batch_size: 4, sequence_length: 16, learning_rate: 0.01, warmup_steps: 2, eval_batches: 2}
                      validation_tokens: 2560

                """;
        }
        return yaml;
    }

    public static RunPlan Plan(string yaml)
    {
        var (kinds, ctx) = BuiltinRegistry.Create();
        return new RunPlanner(kinds, ctx).Plan(ConfigLoader.Parse(yaml, "test.yaml"));
    }

    public static async Task<(RunResult Result, RunDirectory Dir, RunPlan Plan)> Run(string yaml)
    {
        var plan = Plan(yaml);
        var dir = new RunDirectory(plan.Config.Config.Run.Output);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "test");
        var result = await new LocalExecutor(plan.Config.Config.Run.Workers).RunAsync(plan, dir, session, CancellationToken.None);
        return (result, dir, plan);
    }

    /// <summary>Every committed output of the run (path relative to the run directory → bytes), for byte comparisons.</summary>
    public static SortedDictionary<string, byte[]> Outputs(RunDirectory dir, RunPlan plan)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var step in plan.Steps)
            for (var r = 0; r < plan.Plans[step.Id].Tasks; r++)
                foreach (var o in dir.ReadCompletion(step.Id, r)!.Outputs)
                    files[o.Path] = File.ReadAllBytes(dir.Absolute(o.Path));
        return files;
    }
}
