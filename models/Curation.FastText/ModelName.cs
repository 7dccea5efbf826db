namespace Curation.FastText;

/// <summary>fastText's model kinds, with the integer values stored in model files.</summary>
public enum ModelName
{
    /// <summary>Continuous bag of words (unsupervised).</summary>
    Cbow = 1,

    /// <summary>Skip-gram (unsupervised).</summary>
    SkipGram = 2,

    /// <summary>Supervised classifier.</summary>
    Supervised = 3,
}
