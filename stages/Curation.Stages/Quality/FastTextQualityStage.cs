using Curation.FastText;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Quality;

/// <summary>
/// <c>quality.fasttext</c>: scores every document with a fastText classifier and writes the score to metadata
/// (DCLM's hq_prob by default). The model is loaded once per process (<see cref="ModelCache"/>) on first use.
/// </summary>
public sealed class FastTextQualityStage : MapStage
{
    private readonly FastTextQualityOptions _options;
    private readonly string _id;
    private readonly Lazy<FastTextClassifier> _classifier;

    /// <summary>Checks the model file exists (a config error otherwise); loading waits for the first document.</summary>
    public FastTextQualityStage(FastTextQualityOptions options, string id)
    {
        if (!File.Exists(options.Model))
            throw new ArgumentException($"model file not found: {Path.GetFullPath(options.Model)} (train one with `curate quality train`)");
        _options = options;
        _id = id;
        _classifier = new Lazy<FastTextClassifier>(() => new FastTextClassifier(ModelCache.Get(options.Model), options.Label));
    }

    public override string Id => _id;

    /// <summary>The score this stage gives a text: what <see cref="FastTextClassifier.Score"/> returns in hq_prob mode.</summary>
    public double ScoreOf(string text)
    {
        var c = _classifier.Value;
        if (_options.Score == "hq_prob") return c.Score(text);
        // label_prob: the positive label's probability among every label (0 when fastText does not list it).
        foreach (var p in c.Predict(text, c.Model.Dictionary.LabelCount))
            if (string.Equals(p.Label, c.PositiveLabel, StringComparison.Ordinal)) return p.Probability;
        return 0;
    }

    protected override Document Map(Document document, StageContext context)
    {
        var score = ScoreOf(document.Text);
        context.Stats.Observe(_options.Key, score, 0, 1, _options.HistogramBins);
        return document.WithMeta(_options.Key, score);
    }
}
