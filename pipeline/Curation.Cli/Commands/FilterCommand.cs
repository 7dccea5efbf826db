using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;
using Curation.Stages.Filters;
using Spectre.Console;

namespace Curation.Cli.Commands;

/// <summary><c>curate filter</c>: run named heuristic rules with datatrove's defaults over files, without writing a config.</summary>
public sealed class FilterCommand : ICliCommand
{
    public Command Create()
    {
        var input = new Option<string[]>("--input") { Description = "input globs (JSONL, JSONL.gz/.zst, Parquet); repeatable", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "run directory: kept documents in DIR/filter/, rejects (stage, reason) in DIR/rejects/filter/, stats in DIR/stats/filter/; rerun to resume", Required = true };
        var rules = new Option<string>("--rules") { Description = "comma-separated rules, run in order: gopher_quality, gopher_repetition, c4_quality, c4_paragraph, c4_badwords, fineweb_quality, url, pii, normalize_unicode, normalize_whitespace", DefaultValueFactory = _ => "gopher_quality,gopher_repetition,c4_quality,fineweb_quality" };
        var workers = new Option<int>("--workers") { Description = "tasks at once (never changes the bytes)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = new Option<string>("--format") { Description = "jsonl | jsonl.gz | jsonl.zst | parquet", DefaultValueFactory = _ => "jsonl.gz" };
        var report = new Option<bool>("--report") { Description = "also write the HTML report with the rules' histograms" };
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory" };
        var cmd = new Command("filter", "run heuristic filter rules (Gopher, C4, FineWeb, URL, PII, normalisation) over files; kept documents and rejects with reasons")
            { input, output, rules, workers, format, report, overwrite };
        cmd.SetAction(async (pr, ct) =>
        {
            List<string> ruleIds;
            try
            {
                ruleIds = FilterShortcut.ParseRules(pr.GetValue(rules)!);
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message, 2, "e.g. --rules gopher_quality,gopher_repetition,c4_quality,fineweb_quality");
            }
            if (pr.GetValue(workers) < 1) throw new CliError("--workers must be at least 1", 2);
            var request = new FilterRequest
            {
                Inputs = pr.GetValue(input)!, Output = pr.GetValue(output)!, Rules = ruleIds, Workers = pr.GetValue(workers),
                Format = pr.GetValue(format)!, Report = pr.GetValue(report),
            };
            var loaded = ConfigLoader.Parse(FilterShortcut.Yaml(request), "curate filter");
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var dir = new RunDirectory(loaded.Config.Run.Output);
            if (pr.GetValue(overwrite) && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
            RunPreparation.Prepare(plan, dir);
            var session = RunPreparation.OpenSession(dir, "curate filter");
            Consoles.Err.MarkupLineInterpolated($"[grey]run directory {dir.Root} (session {session})[/]");
            var result = await new LocalExecutor(request.Workers).RunAsync(plan, dir, session, ct);
            if (!result.Succeeded)
            {
                foreach (var (step, rank, error) in result.Failures)
                    Consoles.Err.MarkupLineInterpolated($"[red]failed[/] {step} rank {rank}: {error}\n  log: {dir.LogFile(step, rank)}");
                return 1;
            }
            Console.Error.Write(FilterShortcut.Funnel(FilterShortcut.Stats(dir)));
            foreach (var kind in new[] { OutputKinds.Data, OutputKinds.Rejects })
            {
                var folder = dir.KindDir(FilterShortcut.StepId, kind);
                if (!Directory.Exists(folder)) continue;
                foreach (var f in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)) Console.Out.WriteLine(f);
            }
            return 0;
        });
        return cmd;
    }
}
