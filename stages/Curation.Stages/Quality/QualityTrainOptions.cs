using Curation.FastText;

namespace Curation.Stages.Quality;

/// <summary>Settings of <see cref="QualityTrainer"/> (<c>curate quality train</c>).</summary>
public sealed class QualityTrainOptions
{
    public required TrainingSource Positive { get; init; }
    public required TrainingSource Negative { get; init; }
    /// <summary>The model file to write (.bin); a quantised copy goes next to it as .ftz when <see cref="Quantize"/> is set.</summary>
    public required string Output { get; init; }
    /// <summary>Labels without the prefix (DCLM: hq and cc).</summary>
    public string PositiveLabel { get; init; } = "hq";
    public string NegativeLabel { get; init; } = "lq";
    /// <summary>Fraction of documents held out for the precision/recall report, chosen by a hash of the document id.</summary>
    public double TestFraction { get; init; } = 0.1;
    /// <summary>Downsample the larger class to the size of the smaller one (seeded).</summary>
    public bool Balance { get; init; } = true;
    public ulong Seed { get; init; } = 42;
    public bool Quantize { get; init; }
    public string TextKey { get; init; } = "text";
    public string IdKey { get; init; } = "id";
    /// <summary>fastText hyper-parameters (Input and Output are set by the trainer). DCLM uses wordNgrams 2.</summary>
    public FastTextArgs FastText { get; init; } = new() { WordNgrams = 2, Thread = 1, Verbose = 0 };
}
