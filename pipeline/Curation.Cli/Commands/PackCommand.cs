using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;
using Curation.Stages.Packing;
using Spectre.Console;

namespace Curation.Cli.Commands;

/// <summary><c>curate pack</c>: tokenize, mix, pack and shuffle files into trainer shards with a manifest, in one command.</summary>
public sealed class PackCommand : ICliCommand
{
    public Command Create()
    {
        var input = new Option<string[]>("--input") { Description = "input globs (JSONL, JSONL.gz/.zst, Parquet, text); repeatable", Required = true, Arity = ArgumentArity.OneOrMore };
        var tokenizer = new Option<string>("--tokenizer") { Description = "built-in name (cl100k_base, o200k_base, gpt2) or a tokenizer file", Required = true };
        var seqLen = new Option<int>("--seq-len") { Description = "context length; sequences hold seq-len + 1 tokens", Required = true };
        var format = new Option<string>("--format") { Description = "megatron | nanotron | npy | llmc", Required = true };
        var output = new Option<string>("--output") { Description = "output prefix: PREFIX.train.*, PREFIX.validation.*, PREFIX.manifest.json", Required = true };
        var weights = new Option<string?>("--weights") { Description = "JSON/YAML file of domain → weight (default: natural proportions)" };
        var tokens = new Option<long?>("--tokens") { Description = "training token budget (default: the most every domain allows within its epoch cap)" };
        var packing = new Option<string>("--packing") { Description = "concat (default) | bfd (fewer truncations) | none (one record per document)", DefaultValueFactory = _ => "concat" };
        var epochs = new Option<double>("--epochs") { Description = "epoch cap for every domain", DefaultValueFactory = _ => 1 };
        var validation = new Option<double>("--validation-fraction") { Description = "documents held out for validation, by id hash", DefaultValueFactory = _ => 0.005 };
        var memory = new Option<string>("--memory-limit") { Description = "peak memory of the shuffle (e.g. 512MB)", DefaultValueFactory = _ => "1GB" };
        var workers = new Option<int>("--workers") { Description = "tasks at once (never changes the bytes)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<ulong>("--seed") { Description = "seed for selection and shuffling", DefaultValueFactory = _ => 42 };
        var noShuffle = new Option<bool>("--no-shuffle") { Description = "keep sequences in packing order" };
        var runDir = new Option<string?>("--run-dir") { Description = "run directory (default PREFIX.run); rerun to resume" };
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory" };
        var cmd = new Command("pack", "tokenize, apply a mixture, pack, shuffle and write training shards (Megatron, nanotron, npy, llm.c)")
            { input, tokenizer, seqLen, format, output, weights, tokens, packing, epochs, validation, memory, workers, seed, noShuffle, runDir, overwrite };
        cmd.SetAction(async (pr, ct) =>
        {
            if (!Enum.TryParse<ShardFormat>(pr.GetValue(format), true, out var fmt))
                throw new CliError($"unknown format '{pr.GetValue(format)}'", 2, "use megatron, nanotron, npy or llmc");
            if (!Enum.TryParse<PackingMode>(pr.GetValue(packing), true, out var mode))
                throw new CliError($"unknown packing '{pr.GetValue(packing)}'", 2, "use concat, bfd or none");
            if (!ByteSize.TryParse(pr.GetValue(memory)!, out var limit))
                throw new CliError($"'{pr.GetValue(memory)}' is not a size", 2, "e.g. 512MB or 2GB");
            var request = new PackRequest
            {
                Inputs = pr.GetValue(input)!, Tokenizer = pr.GetValue(tokenizer)!, SeqLen = pr.GetValue(seqLen), Format = fmt,
                OutputPrefix = pr.GetValue(output)!, Packing = mode, WeightsFile = pr.GetValue(weights), Tokens = pr.GetValue(tokens),
                DefaultEpochs = pr.GetValue(epochs), ValidationFraction = pr.GetValue(validation), MemoryLimit = limit,
                Workers = pr.GetValue(workers), Seed = pr.GetValue(seed), Shuffle = !pr.GetValue(noShuffle), RunDirectory = pr.GetValue(runDir),
            };
            var loaded = ConfigLoader.Parse(PackShortcut.Yaml(request), "curate pack");
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var dir = new RunDirectory(loaded.Config.Run.Output);
            if (pr.GetValue(overwrite) && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
            RunPreparation.Prepare(plan, dir);
            var session = RunPreparation.OpenSession(dir, "curate pack");
            Consoles.Err.MarkupLineInterpolated($"[grey]run directory {dir.Root} (session {session})[/]");
            var result = await new LocalExecutor(request.Workers, new StderrObserver()).RunAsync(plan, dir, session, ct);
            if (!result.Succeeded)
            {
                foreach (var (step, rank, error) in result.Failures)
                    Consoles.Err.MarkupLineInterpolated($"[red]failed[/] {step} rank {rank}: {error}\n  log: {dir.LogFile(step, rank)}");
                return 1;
            }
            foreach (var f in PackShortcut.Publish(dir.Root, request.OutputPrefix)) Consoles.Out.WriteLine(f);
            return 0;
        });
        return cmd;
    }

    /// <summary>Prints a line per finished step on stderr (no live bars: pack is often scripted).</summary>
    private sealed class StderrObserver : IRunObserver
    {
        public void StepStarted(string step, int tasks, int alreadyComplete) => Console.Error.WriteLine($"{step}: {tasks} task(s), {alreadyComplete} already complete");
        public void TaskProgress(string step, int rank, long documents) { }
        public void TaskFinished(string step, int rank, bool succeeded, string? error)
        {
            if (!succeeded) Console.Error.WriteLine($"{step} rank {rank} failed: {error}");
        }
        public void StepFinished(string step) => Console.Error.WriteLine($"{step}: done");
    }
}
