using System.CommandLine;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Rephrase.Client;
using Curation.Stages.Rephrase;

namespace Curation.Cli.Commands;

/// <summary>
/// <c>curate rephrase</c>: rewrites documents through an OpenAI-compatible endpoint; a shortcut over one
/// <c>rephrase</c> step. OUT is a .jsonl file of rewrites; permanent failures go to OUT's stem + .failures.jsonl.
/// </summary>
public sealed class RephraseCommand : ICliCommand
{
    public Command Create()
    {
        var input = new Option<string[]>("--input") { Description = "input globs (JSONL, JSONL.gz/.zst, Parquet, text); repeatable", Required = true, Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "output .jsonl file of rewrites; failures go to <stem>.failures.jsonl beside it", Required = true };
        var endpoint = new Option<string>("--endpoint") { Description = "API root of an OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1", Required = true };
        var model = new Option<string>("--model") { Description = "model name sent with every request", Required = true };
        var template = new Option<string>("--template") { Description = "rewire, wrap-wikipedia, wrap-qa, wrap-easy, wrap-hard, or a template file", DefaultValueFactory = _ => "rewire" };
        var concurrency = new Option<int>("--concurrency") { Description = "requests in flight per task", DefaultValueFactory = _ => 8 };
        var select = new Option<string?>("--select") { Description = "rewrite only documents in a metadata band, e.g. quality_score>=0.5 or quality_score>=p90 (others are left out)" };
        var api = new Option<string>("--api") { Description = "chat (default) or completions", DefaultValueFactory = _ => "chat" };
        var keyEnv = new Option<string>("--api-key-env") { Description = "environment variable holding the API key", DefaultValueFactory = _ => "OPENAI_API_KEY" };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "most tokens per completion" };
        var temperature = new Option<double?>("--temperature") { Description = "sampling temperature" };
        var topP = new Option<double?>("--top-p") { Description = "nucleus sampling mass" };
        var retries = new Option<int>("--max-retries") { Description = "retries of transient failures per request", DefaultValueFactory = _ => 8 };
        var baseDelay = new Option<string>("--retry-delay") { Description = "first backoff delay (e.g. 1s, 200ms)", DefaultValueFactory = _ => "1s" };
        var timeout = new Option<string>("--timeout") { Description = "per-attempt timeout (e.g. 10m)", DefaultValueFactory = _ => "10m" };
        var workers = new Option<int>("--workers") { Description = "input files processed at once", DefaultValueFactory = _ => 1 };
        var runDir = new Option<string?>("--run-dir") { Description = "run directory (default OUTPUT.run); rerun the same command to resume" };
        var overwrite = new Option<bool>("--overwrite") { Description = "discard an existing run directory and its progress (the generation cache inside it too)" };
        var cmd = new Command("rephrase", "rewrite documents with an LLM (REWIRE, WRAP) through an OpenAI-compatible endpoint; resumable")
            { input, output, endpoint, model, template, concurrency, select, api, keyEnv, maxTokens, temperature, topP, retries, baseDelay, timeout, workers, runDir, overwrite };
        cmd.SetAction(async (pr, ct) =>
        {
            var style = pr.GetValue(api) switch
            {
                "chat" or "chat_completions" => ApiStyle.ChatCompletions,
                "completions" => ApiStyle.Completions,
                var other => throw new CliError($"unknown --api '{other}'", 2, "use chat or completions"),
            };
            var request = new RephraseRequest
            {
                Inputs = pr.GetValue(input)!, Output = pr.GetValue(output)!, Endpoint = pr.GetValue(endpoint)!, Model = pr.GetValue(model)!,
                Template = pr.GetValue(template)!, Api = style, ApiKeyEnv = pr.GetValue(keyEnv)!, Concurrency = pr.GetValue(concurrency),
                Select = pr.GetValue(select), MaxTokens = pr.GetValue(maxTokens), Temperature = pr.GetValue(temperature), TopP = pr.GetValue(topP),
                MaxRetries = pr.GetValue(retries), BaseDelay = Duration(pr.GetValue(baseDelay)!, "--retry-delay"),
                AttemptTimeout = Duration(pr.GetValue(timeout)!, "--timeout"), Workers = pr.GetValue(workers), RunDirectory = pr.GetValue(runDir),
            };
            RephraseRunResult run;
            try
            {
                run = await RephraseRun.RunAsync(request, pr.GetValue(overwrite), new StderrObserver(), "curate rephrase", ct);
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message, 2, "see curate rephrase --help");
            }
            if (run.Export is not { } export)
            {
                foreach (var (step, rank, error) in run.Result.Failures)
                    Console.Error.WriteLine($"failed: {step} rank {rank}: {error}\n  log: {run.Directory.LogFile(step, rank)}");
                Console.Error.WriteLine("rerun the same command to resume: generations already received are not requested again");
                return 1;
            }
            Console.Out.WriteLine($"{export.Rewrites} rewrites: {export.Output}");
            Console.Out.WriteLine($"{export.Failures} failures: {export.FailuresFile}");
            Console.Out.WriteLine($"run directory: {run.Directory.Root}");
            return 0;
        });
        return cmd;
    }

    private static TimeSpan Duration(string text, string option) =>
        Durations.TryParse(text, out var t) && t > TimeSpan.Zero ? t : throw new CliError($"{option}: '{text}' is not a duration", 2, "e.g. 250ms, 30s, 5m");

    /// <summary>One line per step and per failed task on stderr.</summary>
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
