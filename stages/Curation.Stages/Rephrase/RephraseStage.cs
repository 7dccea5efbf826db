using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Chunking;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;
using Curation.Rephrase.Resilience;
using Curation.Rephrase.Runner;

namespace Curation.Stages.Rephrase;

/// <summary>
/// Rewrites selected documents through an OpenAI-compatible endpoint (REWIRE/WRAP templates), keeping input order
/// with many requests in flight. Each task runs its own <see cref="BatchRephraser"/> over a generation cache shared by
/// the run, so a killed or failed task resumes without paying again for generations it already received.
/// </summary>
public sealed class RephraseStage : IStage
{
    private readonly RephraseStageOptions _options;
    private readonly PromptTemplate _template;

    /// <summary>Builds the stage; a template that cannot be resolved is an <see cref="ArgumentException"/> (a config error).</summary>
    public RephraseStage(RephraseStageOptions options, string id)
    {
        _options = options;
        Id = id;
        try
        {
            _template = PromptTemplateFile.Resolve(options.Template);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new ArgumentException($"template: {e.Message}", e);
        }
    }

    public string Id { get; }

    /// <summary>The resolved prompt template.</summary>
    public PromptTemplate Template => _template;

    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var endpoint = new EndpointOptions
        {
            BaseUrl = new Uri(_options.Endpoint.BaseUrl),
            Model = _options.Endpoint.Model,
            Style = _options.Endpoint.Api,
            ApiKeyVariable = _options.Endpoint.ApiKeyEnv,
        };
        using var client = new OpenAiCompatibleClient(endpoint);
        using var cache = GenerationCache.Open(CachePath(context.Task));
        using var rephraser = new BatchRephraser(client, cache, EngineOptions(context));

        var selection = RephraseSelection.All;
        var source = input;
        if (_options.Select is { } select)
        {
            if (select.UsesPercentiles)
            {
                // Percentiles need every value of the task before the first decision.
                var buffered = new List<Document>();
                await foreach (var d in input.WithCancellation(cancellationToken).ConfigureAwait(false)) buffered.Add(d);
                selection = RephraseSelection.FromPercentiles(select, buffered);
                context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Id}: selecting {select.Key} within [{selection.Min}, {selection.Max}] (percentiles {select.PercentileMin}..{select.PercentileMax} of {buffered.Count} documents)"));
                source = Replay(buffered);
            }
            else selection = RephraseSelection.FromValues(select);
        }

        // Documents in input order with their selection decision; the engine sees only selected ones, so the
        // unselected ones waiting ahead of an outcome are emitted first, keeping the original order.
        var pending = new ConcurrentQueue<(Document Doc, bool Selected)>();
        var counts = new SelectionCounts();
        await foreach (var outcome in rephraser.RunAsync(Feed(source, selection, pending, counts, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            while (true)
            {
                if (!pending.TryDequeue(out var item))
                    throw new InvalidOperationException($"{Id}: outcome for {outcome.DocId} has no pending document");
                if (!item.Selected)
                {
                    if (Unselected(item.Doc, context) is { } kept) yield return kept;
                    continue;
                }
                if (!string.Equals(item.Doc.Id, outcome.DocId, StringComparison.Ordinal))
                    throw new InvalidOperationException($"{Id}: outcome for {outcome.DocId} arrived while {item.Doc.Id} was next");
                foreach (var d in Apply(item.Doc, outcome, context)) yield return d;
                break;
            }
        }
        while (pending.TryDequeue(out var rest))
            if (Unselected(rest.Doc, context) is { } kept) yield return kept;

        var snapshot = rephraser.Stats.Snapshot();
        RecordCounters(snapshot, counts, context);
        RephraseReport.Record(context, snapshot, counts.Selected, counts.Unselected);
    }

    /// <summary>The cache file: the configured path, or <c>&lt;run&gt;/rephrase/generations.sqlite</c>.</summary>
    public string CachePath(TaskInfo task) =>
        _options.CachePath is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(task.RunDirectory, "rephrase", "generations.sqlite");

    private RephraseOptions EngineOptions(StageContext context)
    {
        var gate = new Lock();
        return new RephraseOptions
        {
            Template = _template,
            Generation = new GenerationOptions
            {
                Temperature = _options.Generation.Temperature,
                TopP = _options.Generation.TopP,
                MaxTokens = _options.Generation.MaxTokens,
                Stop = _options.Generation.Stop,
            },
            Context = ContextBudget.EstimatedTokens(_options.ContextTokens),
            Concurrency = _options.Concurrency,
            Resilience = new ResilienceOptions
            {
                MaxRetries = _options.Resilience.MaxRetries,
                BaseDelay = _options.Resilience.BaseDelay,
                MaxDelay = _options.Resilience.MaxDelay,
                AttemptTimeout = _options.Resilience.AttemptTimeout,
                // Derived from the task seed, so a rerun of this rank backs off identically.
                JitterSeed = (int)(context.Seed & 0x7fffffff),
            },
            RateLimits = new RateLimits { RequestsPerMinute = _options.RequestsPerMinute, TokensPerMinute = _options.TokensPerMinute },
            Budget = new UsageBudget { MaxTotalTokens = _options.MaxTotalTokens },
            // The engine logs from concurrent requests; the task log is a plain writer.
            Log = line => { lock (gate) context.Log.WriteLine($"{Id}: {line}"); },
        };
    }

    private static async IAsyncEnumerable<SourceDocument> Feed(IAsyncEnumerable<Document> source, RephraseSelection selection,
        ConcurrentQueue<(Document, bool)> pending, SelectionCounts counts, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var d in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var selected = selection.Selects(d);
            pending.Enqueue((d, selected));
            if (!selected)
            {
                Interlocked.Increment(ref counts.Unselected);
                continue;
            }
            Interlocked.Increment(ref counts.Selected);
            yield return new SourceDocument(d.Id, d.Text);
        }
    }

    private Document? Unselected(Document document, StageContext context)
    {
        if (_options.Unselected == UnselectedPolicy.Keep) return document;
        context.Stats.Drop(RephraseMetadata.NotSelected);
        context.Rejects.Reject(document, context.StageId, RephraseMetadata.NotSelected);
        return null;
    }

    private IEnumerable<Document> Apply(Document original, RephraseOutcome outcome, StageContext context)
    {
        switch (outcome)
        {
            case RephraseOutcome.Rewritten rewritten:
                if (_options.Mode == RephraseOutputMode.Append) yield return original;
                yield return RephraseMetadata.Rewrite(original, rewritten);
                break;
            case RephraseOutcome.Failed failed:
                var reason = RephraseMetadata.FailureReason(failed.Reason);
                context.Rejects.Reject(RephraseMetadata.WithFailure(original, failed), context.StageId, reason);
                if (_options.Mode == RephraseOutputMode.Append) yield return original;
                else context.Stats.Drop(reason);
                break;
            case RephraseOutcome.NotProcessed notProcessed:
                if (_options.NotProcessed == NotProcessedPolicy.Fail)
                    throw new RephraseNotProcessedException(Id, notProcessed);
                yield return original;
                break;
        }
    }

    private static void RecordCounters(RephraseStatsSnapshot s, SelectionCounts counts, StageContext context)
    {
        var stats = context.Stats;
        stats.Count("rephrase.selected", counts.Selected);
        stats.Count("rephrase.unselected", counts.Unselected);
        stats.Count("rephrase.requests", s.Requests);
        stats.Count("rephrase.cache_hits", s.CacheHits);
        stats.Count("rephrase.prompt_tokens", s.PromptTokens);
        stats.Count("rephrase.completion_tokens", s.CompletionTokens);
        stats.Count("rephrase.rewritten", s.Rewritten);
        stats.Count("rephrase.failed", s.Failed);
        stats.Count("rephrase.not_processed", s.NotProcessed);
        foreach (var (cause, n) in s.RetriesByCause) stats.Count("rephrase.retries." + cause, n);
        foreach (var (reason, n) in s.FailuresByReason) stats.Count("rephrase.failures." + reason, n);
    }

    private static async IAsyncEnumerable<Document> Replay(List<Document> documents)
    {
        foreach (var d in documents) yield return d;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class SelectionCounts
    {
        public long Selected;
        public long Unselected;
    }
}
