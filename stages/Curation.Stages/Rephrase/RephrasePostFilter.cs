using System.Globalization;
using System.Runtime.CompilerServices;
using Curation.FastText;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Rephrase;

/// <summary>
/// Scores rewrites with a fastText quality classifier and keeps the best: either a fixed <c>min_score</c>, or the
/// top <c>keep_fraction</c> of each task's rewrites (REWIRE keeps the top 10%). The fraction is per task, not
/// global: with shards of similar make-up the two agree closely; for an exact global cut, compute the threshold
/// first and pass it as <c>min_score</c>. Dropped rewrites go to rejects as <c>rephrase_below_top_fraction</c> or
/// <c>rephrase_below_min_score</c>.
/// </summary>
public sealed class RephrasePostFilter : IStage
{
    private readonly RephrasePostFilterOptions _options;
    private readonly FastTextClassifier _classifier;

    /// <summary>Loads the classifier; a missing or malformed model is an <see cref="ArgumentException"/> (a config error).</summary>
    public RephrasePostFilter(RephrasePostFilterOptions options, string id)
    {
        _options = options;
        Id = id;
        if (!File.Exists(options.Model)) throw new ArgumentException($"model: fastText model '{options.Model}' does not exist");
        try
        {
            _classifier = FastTextClassifier.Load(options.Model, options.Label);
        }
        catch (FastTextFormatException e)
        {
            throw new ArgumentException($"model: {e.Message}", e);
        }
    }

    public string Id { get; }

    /// <summary>The reject reason below a fixed threshold.</summary>
    public const string BelowMinScore = "rephrase_below_min_score";

    /// <summary>The reject reason outside the task's top fraction.</summary>
    public const string BelowTopFraction = "rephrase_below_top_fraction";

    public async IAsyncEnumerable<Document> RunAsync(IAsyncEnumerable<Document> input, StageContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_options.MinScore is { } min)
        {
            await foreach (var d in input.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!Scored(d)) { yield return d; continue; }
                var (scored, score) = Score(d, context);
                if (score >= min) yield return scored;
                else Drop(scored, BelowMinScore, context);
            }
            yield break;
        }

        var buffered = new List<Document>();
        var scores = new List<(int Index, double Score)>();
        await foreach (var d in input.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (Scored(d))
            {
                var (scored, score) = Score(d, context);
                scores.Add((buffered.Count, score));
                buffered.Add(scored);
            }
            else buffered.Add(d);
        }
        var keep = TopFraction(scores, _options.KeepFraction!.Value);
        for (var i = 0; i < buffered.Count; i++)
        {
            if (!Scored(buffered[i]) || keep.Contains(i)) yield return buffered[i];
            else Drop(buffered[i], BelowTopFraction, context);
        }
    }

    /// <summary>
    /// Indices of the top <paramref name="fraction"/> of <paramref name="scored"/> documents (ceiling, so any rewrite at all keeps
    /// at least one); equal scores are broken by input order so the cut is deterministic.
    /// </summary>
    public static HashSet<int> TopFraction(IReadOnlyList<(int Index, double Score)> scored, double fraction)
    {
        var count = (int)Math.Ceiling(fraction * scored.Count - 1e-9);
        var keep = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(count).Select(s => s.Index);
        return [.. keep];
    }

    private bool Scored(Document d) => !_options.OnlyRewrites || d.Metadata.ContainsKey(RephraseMetadata.ParentId);

    // The decision uses the exact score; the metadata copy is rounded to keep output files compact.
    private (Document Scored, double Score) Score(Document d, StageContext context)
    {
        var score = _classifier.Score(d.Text);
        context.Stats.Observe(_options.ScoreKey, score);
        return (d.WithMeta(_options.ScoreKey, Math.Round(score, 6)), score);
    }

    private void Drop(Document d, string reason, StageContext context)
    {
        context.Stats.Drop(reason);
        context.Rejects.Reject(d, context.StageId, reason);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({_options.Model})");
}
