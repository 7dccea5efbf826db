using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;
using Curation.Stages.Dedup;
using Spectre.Console;

namespace Curation.Cli.Commands;

/// <summary><c>curate dedup</c>: MinHash (or exact/URL) dedup of files into kept documents and <c>clusters.jsonl</c>, in one command.</summary>
public sealed class DedupCommand : ICliCommand
{
    /// <summary>Builds the verb.</summary>
    public Command Create()
    {
        var input = new Option<string[]>("--input") { Description = "input globs (JSONL, JSONL.gz/.zst, Parquet); repeatable", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "output folder: kept documents (<rank>.jsonl.gz), clusters.jsonl (id, cluster, size, kept), run/ (resumable run directory)", Required = true };
        var kind = new Option<string>("--kind") { Description = "minhash (default) | exact | url", DefaultValueFactory = _ => "minhash" };
        var threshold = new Option<double?>("--threshold") { Description = "target Jaccard similarity; derives bands × rows (default: 14 bands × 8 rows)" };
        var bands = new Option<int?>("--bands") { Description = "LSH bands (with --rows)" };
        var rows = new Option<int?>("--rows") { Description = "rows per band (with --bands)" };
        var ngram = new Option<int>("--ngram") { Description = "word n-gram size", DefaultValueFactory = _ => 5 };
        var verify = new Option<double?>("--verify") { Description = "drop candidate pairs whose signature similarity is below this (default: off)" };
        var priority = new Option<string?>("--priority-key") { Description = "numeric metadata key; the highest value is kept in each cluster (then the smallest id)" };
        var index = new Option<string?>("--index") { Description = "persistent index folder: documents are also checked against every earlier run, and this run is appended" };
        var workers = new Option<int>("--workers") { Description = "tasks at once (never changes the output)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = new Option<string>("--format") { Description = "output format of kept documents", DefaultValueFactory = _ => "jsonl.gz" };
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory" };
        var cmd = new Command("dedup", "remove near-duplicate (MinHash-LSH), exact or same-URL documents; writes kept documents and clusters.jsonl")
            { input, output, kind, threshold, bands, rows, ngram, verify, priority, index, workers, format, overwrite };
        cmd.SetAction(async (pr, ct) =>
        {
            var k = pr.GetValue(kind)!.ToLowerInvariant();
            if (k is not ("minhash" or "exact" or "url"))
                throw new CliError($"unknown dedup kind '{k}'", 2, "use minhash, exact or url");
            if (pr.GetValue(bands) is null != pr.GetValue(rows) is null)
                throw new CliError("--bands and --rows go together", 2, "give both, or --threshold instead");
            if (pr.GetValue(threshold) is not null && pr.GetValue(bands) is not null)
                throw new CliError("--threshold and --bands/--rows both given", 2, "give one of them");
            var request = new DedupRequest
            {
                Inputs = pr.GetValue(input)!, Output = pr.GetValue(output)!, Kind = "dedup." + k, Threshold = pr.GetValue(threshold),
                Bands = pr.GetValue(bands), Rows = pr.GetValue(rows), Ngram = pr.GetValue(ngram), VerifyThreshold = pr.GetValue(verify),
                PriorityKey = pr.GetValue(priority), Index = pr.GetValue(index), Workers = Math.Max(1, pr.GetValue(workers)), Format = pr.GetValue(format)!,
            };
            var loaded = ConfigLoader.Parse(DedupShortcut.Yaml(request), "curate dedup");
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var dir = new RunDirectory(loaded.Config.Run.Output);
            if (pr.GetValue(overwrite) && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
            RunPreparation.Prepare(plan, dir);
            var session = RunPreparation.OpenSession(dir, "curate dedup");
            Consoles.Err.MarkupLineInterpolated($"[grey]run directory {dir.Root} (session {session})[/]");
            var result = await new LocalExecutor(request.Workers, new LineObserver()).RunAsync(plan, dir, session, ct);
            if (!result.Succeeded)
            {
                foreach (var (step, rank, error) in result.Failures)
                    Consoles.Err.MarkupLineInterpolated($"[red]failed[/] {step} rank {rank}: {error}\n  log: {dir.LogFile(step, rank)}");
                return 1;
            }
            foreach (var f in DedupShortcut.Publish(request)) Consoles.Out.WriteLine(f);
            return 0;
        });
        return cmd;
    }

    /// <summary>One stderr line per step (dedup is often scripted).</summary>
    private sealed class LineObserver : IRunObserver
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
