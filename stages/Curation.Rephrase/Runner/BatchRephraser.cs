using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Curation.Rephrase.Cache;
using Curation.Rephrase.Chunking;
using Curation.Rephrase.Client;
using Curation.Rephrase.Resilience;

namespace Curation.Rephrase.Runner;

/// <summary>
/// Rewrites an ordered stream of documents through an OpenAI-compatible endpoint with bounded concurrency, yielding
/// exactly one <see cref="RephraseOutcome"/> per input in input order. Every generation is committed to the
/// <see cref="GenerationCache"/> as soon as it arrives, so a rerun after a crash, a kill or a cancellation never
/// pays for it again.
/// </summary>
public sealed class BatchRephraser : IDisposable
{
    private readonly OpenAiCompatibleClient _client;
    private readonly GenerationCache _cache;
    private readonly RephraseOptions _options;
    private readonly ResilientRequester _requester;
    private readonly BudgetLedger _ledger;
    private volatile string? _stopReason;

    /// <summary>A rephraser for one run: its budget, stop state and stats span every <see cref="RunAsync(IAsyncEnumerable{SourceDocument}, CancellationToken)"/> call on it.</summary>
    /// <param name="client">The endpoint client (not disposed by the rephraser).</param>
    /// <param name="cache">The generation cache (not disposed by the rephraser).</param>
    /// <param name="options">Template, sampling, chunking, concurrency, resilience, limits and budget.</param>
    /// <param name="timeProvider">Clock for backoffs, timeouts, the breaker and quotas (tests pass a fast or manual one).</param>
    public BatchRephraser(OpenAiCompatibleClient client, GenerationCache cache, RephraseOptions options, TimeProvider? timeProvider = null)
    {
        options.Validate();
        _client = client;
        _cache = cache;
        _options = options;
        _ledger = new BudgetLedger(options.Budget);
        _requester = new ResilientRequester(client, options.Generation, options.Resilience, options.RateLimits, Stats, timeProvider, options.Log);
    }

    /// <summary>Live counters of this rephraser (across runs).</summary>
    public RephraseStats Stats { get; } = new();

    /// <summary>Why the run stopped starting documents (<c>budget_exhausted</c>, <c>endpoint_unavailable</c>), or null.</summary>
    public string? StopReason => _stopReason;

    /// <summary>Rewrites <paramref name="documents"/>; see <see cref="RunAsync(IAsyncEnumerable{SourceDocument}, CancellationToken)"/>.</summary>
    public IAsyncEnumerable<RephraseOutcome> RunAsync(IEnumerable<SourceDocument> documents, CancellationToken cancellationToken = default) =>
        RunAsync(ToAsync(documents), cancellationToken);

    /// <summary>
    /// Yields one outcome per input document, in input order. Cancellation stops the run: outcomes already yielded
    /// are final and generations already received stay cached; the rest is redone (from the cache) by the next run.
    /// </summary>
    public async IAsyncEnumerable<RephraseOutcome> RunAsync(IAsyncEnumerable<SourceDocument> documents,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The window of started documents is the reorder buffer: finished ones wait here until all earlier ones are
        // yielded. Four times the concurrency lets the workers run past one slow document without unbounded memory.
        var window = Channel.CreateBounded<Task<RephraseOutcome>>(new BoundedChannelOptions(_options.Concurrency * 4)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var slots = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        var producer = Task.Run(() => ProduceAsync(documents, window.Writer, slots, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var pending in window.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var outcome = await pending.ConfigureAwait(false);
                // Once cancelled, yield nothing more, even outcomes that are ready: the caller has stopped listening.
                stop.Token.ThrowIfCancellationRequested();
                yield return outcome;
            }
            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // Wait for the producer so no document starts after the caller has moved on; its fault, if any, was
            // already rethrown above or is superseded by the exception that brought us here.
            await Task.WhenAny(producer).ConfigureAwait(false);
            // Every document in flight holds a slot until it ends: taking them all back means none of them can
            // touch the cache or the stats after this run has returned (cancelled ones end promptly).
            for (var i = 0; i < _options.Concurrency; i++)
                await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ProduceAsync(IAsyncEnumerable<SourceDocument> documents, ChannelWriter<Task<RephraseOutcome>> window,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var document in documents.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var outcome = await StartAsync(document, slots, cancellationToken).ConfigureAwait(false);
                await window.WriteAsync(outcome, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            window.TryComplete();
        }
    }

    private async Task<Task<RephraseOutcome>> StartAsync(SourceDocument document, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        if (_stopReason is { } stopped)
            return Task.FromResult(NotProcessed(document, stopped));

        var chunks = ParagraphChunker.Split(document.Text ?? "", _options.Context);
        if (chunks.Count == 0)
            return Task.FromResult(Fail(document, FailureReasons.EmptyInput, 0, "the document has no text"));

        // Take the slot before looking at the cache, so generations finished by earlier documents are seen.
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var plan = new ChunkPlan[chunks.Count];
        var worstCase = default(TokenUsage);
        for (var i = 0; i < chunks.Count; i++)
        {
            var key = GenerationKey.Compute(_client.Endpoint.Model, _client.Endpoint.Style, _options.Template, _options.Generation, chunks[i]);
            plan[i] = new ChunkPlan(chunks[i], key, _cache.TryGet(key, out var hit) ? hit : null);
            if (plan[i].Cached is null)
                worstCase += WorstCase(chunks[i]);
        }
        if (_stopReason is not null || !_ledger.TryReserve(worstCase))
        {
            slots.Release();
            if (Interlocked.CompareExchange(ref _stopReason, FailureReasons.BudgetExhausted, null) is null)
                _options.Log?.Invoke($"budget exhausted: document {document.Id} and all later documents are not started");
            return Task.FromResult(NotProcessed(document, _stopReason!));
        }
        return ProcessAsync(document, plan, worstCase, slots, cancellationToken);
    }

    private async Task<RephraseOutcome> ProcessAsync(SourceDocument document, ChunkPlan[] plan, TokenUsage reserved,
        SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        var fresh = default(TokenUsage);
        try
        {
            var outputs = new string[plan.Length];
            var usage = default(TokenUsage);
            int attempts = 0, cached = 0, truncated = 0;
            for (var i = 0; i < plan.Length; i++)
            {
                // Look again: an identical chunk of another document may have been generated since planning.
                var completion = plan[i].Cached ?? (_cache.TryGet(plan[i].Key, out var late) ? late : null);
                if (completion is not null)
                {
                    cached++;
                    Stats.RecordCacheHit();
                }
                else
                {
                    var label = plan.Length == 1 ? $"document {document.Id}" : $"document {document.Id} chunk {i + 1}/{plan.Length}";
                    var result = await _requester.SendAsync(_options.Template.Render(plan[i].Text), _options.Template.System, label, cancellationToken).ConfigureAwait(false);
                    attempts += result.Attempts;
                    if (result.Completion is null)
                        return Fail(document, result.FailureReason!, attempts, plan.Length == 1 ? result.FailureDetail! : $"chunk {i + 1}/{plan.Length}: {result.FailureDetail}");
                    completion = result.Completion;
                    // Commit before anything else can fail: this generation is paid for and must never be requested again.
                    _cache.Put(plan[i].Key, completion);
                    Stats.RecordUsage(completion.Usage);
                    fresh += completion.Usage;
                }
                usage += completion.Usage;
                if (string.Equals(completion.FinishReason, "length", StringComparison.Ordinal))
                    truncated++;
                try
                {
                    outputs[i] = _options.Template.ExtractOutput(completion.Text);
                }
                catch (RequestFailedException e)
                {
                    return Fail(document, e.Reason, attempts, plan.Length == 1 ? e.Message : $"chunk {i + 1}/{plan.Length}: {e.Message}");
                }
            }
            Stats.RecordRewritten();
            var template = _options.Template;
            return new RephraseOutcome.Rewritten(document.Id, ParagraphChunker.Stitch(outputs),
                new RephraseProvenance(document.Id, _client.Endpoint.Model, template.Id, template.Version, template.Hash, usage, plan.Length, cached, attempts, truncated));
        }
        finally
        {
            _ledger.Settle(reserved, fresh);
            slots.Release();
        }
    }

    private TokenUsage WorstCase(string chunk)
    {
        var prompt = TokenEstimate.FromChars(_options.Template.Render(chunk).Length + (_options.Template.System?.Length ?? 0));
        var completion = _options.Generation.MaxTokens ?? 2 * TokenEstimate.FromChars(chunk.Length);
        return new TokenUsage(prompt, completion);
    }

    private RephraseOutcome Fail(SourceDocument document, string reason, int attempts, string detail)
    {
        if (reason == FailureReasons.EndpointUnavailable &&
            Interlocked.CompareExchange(ref _stopReason, FailureReasons.EndpointUnavailable, null) is null)
            _options.Log?.Invoke($"endpoint unavailable: documents after {document.Id} are not started");
        Stats.RecordFailure(reason);
        return new RephraseOutcome.Failed(document.Id, reason, attempts, _client.Scrub(detail));
    }

    private RephraseOutcome NotProcessed(SourceDocument document, string reason)
    {
        Stats.RecordNotProcessed();
        return new RephraseOutcome.NotProcessed(document.Id, reason);
    }

    private static async IAsyncEnumerable<SourceDocument> ToAsync(IEnumerable<SourceDocument> documents)
    {
        foreach (var document in documents)
            yield return document;
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public void Dispose() => _requester.Dispose();

    private sealed record ChunkPlan(string Text, string Key, Completion? Cached);
}
