namespace Curation.FastText;

/// <summary>
/// fastText's hyper-parameters. The defaults are fastText's <c>supervised</c> defaults; the first thirteen
/// fields are the ones stored in a model file's header.
/// </summary>
public sealed class FastTextArgs
{
    /// <summary>Training file (fastText format: <c>__label__x text</c> per line).</summary>
    public string Input { get; set; } = "";

    /// <summary>Output path without extension.</summary>
    public string Output { get; set; } = "";

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Tokens a thread processes between learning-rate updates.</summary>
    public int LrUpdateRate { get; set; } = 100;

    /// <summary>Embedding dimension.</summary>
    public int Dim { get; set; } = 100;

    /// <summary>Context window (unsupervised models only; stored for compatibility).</summary>
    public int WindowSize { get; set; } = 5;

    /// <summary>Passes over the training data.</summary>
    public int Epoch { get; set; } = 5;

    /// <summary>Minimum word count to enter the vocabulary.</summary>
    public int MinCount { get; set; } = 1;

    /// <summary>Minimum label count to enter the label set.</summary>
    public int MinCountLabel { get; set; }

    /// <summary>Negatives sampled per positive (ns loss).</summary>
    public int Neg { get; set; } = 5;

    /// <summary>Maximum length of word n-grams.</summary>
    public int WordNgrams { get; set; } = 1;

    /// <summary>Loss function.</summary>
    public LossName Loss { get; set; } = LossName.Softmax;

    /// <summary>Model kind; only <see cref="ModelName.Supervised"/> is trained by Curation.</summary>
    public ModelName Model { get; set; } = ModelName.Supervised;

    /// <summary>Hash buckets for word and character n-grams.</summary>
    public int Bucket { get; set; } = 2_000_000;

    /// <summary>Minimum character n-gram length.</summary>
    public int MinN { get; set; }

    /// <summary>Maximum character n-gram length (0 disables character n-grams).</summary>
    public int MaxN { get; set; }

    /// <summary>Training threads.</summary>
    public int Thread { get; set; } = 12;

    /// <summary>Sub-sampling threshold (unsupervised models only; stored for compatibility).</summary>
    public double SamplingThreshold { get; set; } = 1e-4;

    /// <summary>Label prefix.</summary>
    public string Label { get; set; } = "__label__";

    /// <summary>Verbosity: 0 silent, 1 summary, 2 progress.</summary>
    public int Verbose { get; set; } = 2;

    /// <summary>Random seed; thread i uses seed + i, as fastText does.</summary>
    public int Seed { get; set; }

    /// <summary>Quantize the output matrix too (quantize only).</summary>
    public bool QuantizeOutput { get; set; }

    /// <summary>Quantize the row norms separately (quantize only).</summary>
    public bool QuantizeNorm { get; set; }

    /// <summary>Fine-tune embeddings after pruning (quantize only).</summary>
    public bool Retrain { get; set; }

    /// <summary>Number of words and n-grams to keep (quantize only; 0 keeps all).</summary>
    public int Cutoff { get; set; }

    /// <summary>Size of each product-quantizer sub-vector (quantize only).</summary>
    public int Dsub { get; set; } = 2;

    /// <summary>A copy, so a trainer can adjust fields without touching the caller's object.</summary>
    public FastTextArgs Clone() => (FastTextArgs)MemberwiseClone();
}
